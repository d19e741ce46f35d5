package io.udm.api;

import java.util.List;

/** Health, configuration overview and orderly shutdown. */
public interface AdminApi {
  HealthReport health();

  List<BackendInfo> listBackends();

  /** Drains queues, flushes counters, closes every client. Idempotent. */
  void shutdown();
}
