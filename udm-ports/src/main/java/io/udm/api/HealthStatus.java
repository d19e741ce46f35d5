package io.udm.api;

/** UP: every backend answers; DEGRADED: some do not; DOWN: none does. */
public enum HealthStatus { UP, DEGRADED, DOWN }
