package io.udm.api;

/** One value of an item's latest version that breaks its collection's schema, by JSON Pointer. */
public record SchemaViolation(String itemId, long ov, String pointer, String message) {}
