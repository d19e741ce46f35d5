package io.udm.api;

/** The backend pair a collection is routed to: its index in {@code mongoUris}/{@code spacesConns} and its id. */
public record Route(int index, String backendId) {}
