package io.udm.api;

/** A configured backend pair, endpoints redacted of credentials. */
public record BackendInfo(int index, String backendId, String mongoEndpoint, String s3Endpoint) {}
