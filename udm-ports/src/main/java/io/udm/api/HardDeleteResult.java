package io.udm.api;

public record HardDeleteResult(long versionsRemoved, long objectsRemoved) {}
