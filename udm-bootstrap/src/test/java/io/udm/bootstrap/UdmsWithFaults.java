package io.udm.bootstrap;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.faults.FaultInjector;
import io.udm.app.faults.FaultyPorts;
import io.udm.bootstrap.wiring.PortDecorator;
import java.time.Clock;

/**
 * The {@link Udms} factories, every store call passing a {@link FaultInjector} first: beneath the
 * API's metrics, where a real store's failures are, so a test sees what UDM reports when a store
 * fails. A failure injected there never reaches a store, so the storage meter does not count it.
 */
public final class UdmsWithFaults {
  private UdmsWithFaults() {}

  /** {@link Udms#inMemory(UdmConfig, Clock, UdmOptions)} behind {@code faults}. */
  public static Udm inMemory(UdmConfig config, Clock clock, UdmOptions options, FaultInjector faults) {
    return Udms.inMemory(config, clock, options, behind(faults));
  }

  /** {@link Udms#create(UdmConfig, ConnectOptions, UdmOptions)} behind {@code faults}. */
  public static Udm create(UdmConfig config, ConnectOptions connect, UdmOptions options, FaultInjector faults) {
    return Udms.create(config, connect, options, behind(faults));
  }

  /** The opened stores' resources stay, so closing the Udm still closes its connections. */
  private static PortDecorator behind(FaultInjector faults) {
    return opened -> {
      StoragePorts faulty = FaultyPorts.wrap(opened, faults);
      return new StoragePorts(faulty.backends(), faulty.counters(), faulty.placements(), faulty.indexStates(), faulty.holds(), faulty.retryQueue(),
          faulty.countersProbe(), opened.resources());
    };
  }
}
