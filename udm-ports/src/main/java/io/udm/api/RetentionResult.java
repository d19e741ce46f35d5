package io.udm.api;

public record RetentionResult(long versionsPruned, long objectsRemoved) {}
