package io.udm.api;

public record ShrinkResult(long scanned, long shadowsShrunk, long bytesFreed) {}
