package io.udm.adapter.memory;

import io.udm.spi.BackendPorts;
import java.time.Clock;

/** Builds the ports of one in-memory backend pair, each call a fresh, empty pair. */
public final class InMemoryBackends {
  private InMemoryBackends() {}

  public static BackendPorts backend(int index, String backendId) {
    return backend(index, backendId, Clock.systemUTC());
  }

  /** {@code clock} stamps the blobs' last modification, so tests can pin it. */
  public static BackendPorts backend(int index, String backendId, Clock clock) {
    String endpoint = endpoint(index);
    InMemoryVersionLogAdapter versions = new InMemoryVersionLogAdapter();
    return new BackendPorts(
        index,
        backendId,
        new InMemoryHeadAdapter(),
        versions,
        versions,
        versions,
        new InMemorySequenceAdapter(),
        new InMemoryBlobAdapter(clock),
        new InMemoryHealthAdapter(endpoint + " (mongo)"),
        new InMemoryHealthAdapter(endpoint + " (blobs)"),
        endpoint,
        endpoint);
  }

  /** What listings and health reports show for backend {@code index}; no secret to redact. */
  public static String endpoint(int index) {
    return "memory://backend-" + index;
  }
}
