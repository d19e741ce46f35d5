package io.udm.api;

/** Health of one backend pair. */
public record BackendHealth(int index, String backendId, ComponentHealth mongo, ComponentHealth s3) {
  public HealthStatus status() {
    boolean mongoUp = mongo.status() == HealthStatus.UP;
    boolean s3Up = s3.status() == HealthStatus.UP;
    if (mongoUp && s3Up) {
      return HealthStatus.UP;
    }
    return mongoUp || s3Up ? HealthStatus.DEGRADED : HealthStatus.DOWN;
  }
}
