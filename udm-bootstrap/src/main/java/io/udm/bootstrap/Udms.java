package io.udm.bootstrap;

import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.wiring.DaggerMemoryUdmComponent;
import java.time.Clock;
import java.util.Objects;

/** Factories for {@link Udm}. */
public final class Udms {
  private Udms() {}

  /** Every port on in-memory adapters; connection settings are ignored (one simulated backend per configured pair). */
  public static Udm inMemory(UdmConfig config) {
    return inMemory(config, Clock.systemUTC());
  }

  /** {@link #inMemory(UdmConfig)} reading time from {@code clock}: for tests and simulations. */
  public static Udm inMemory(UdmConfig config, Clock clock) {
    return DaggerMemoryUdmComponent.factory()
        .create(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"))
        .udm();
  }

  /** MongoDB + S3 adapters built from the config. */
  public static Udm create(UdmConfig config) {
    Objects.requireNonNull(config, "config").requireBackends();
    throw new UnsupportedOperationException(
        "Udms.create (MongoDB + S3 adapters) is not available in this UDM build yet; use Udms.inMemory");
  }
}
