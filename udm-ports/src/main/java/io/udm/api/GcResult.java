package io.udm.api;

public record GcResult(long orphanVersions, long orphanObjects) {}
