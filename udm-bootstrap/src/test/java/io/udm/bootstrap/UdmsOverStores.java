package io.udm.bootstrap;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.wiring.PortDecorator;
import java.time.Clock;

/**
 * The {@link Udms} factories with the stores seen through a test's {@link PortDecorator}, beneath
 * the metrics: for tests that watch every port call the metrics see.
 */
public final class UdmsOverStores {
  private UdmsOverStores() {}

  /** {@link Udms#inMemory(UdmConfig, Clock, UdmOptions)} with the stores seen through {@code stores}. */
  public static Udm inMemory(UdmConfig config, Clock clock, UdmOptions options, PortDecorator stores) {
    return Udms.inMemory(config, clock, options, stores);
  }

  /** {@link Udms#create(UdmConfig, ConnectOptions, UdmOptions)} with the stores seen through {@code stores}. */
  public static Udm create(UdmConfig config, ConnectOptions connect, UdmOptions options, PortDecorator stores) {
    return Udms.create(config, connect, options, stores);
  }
}
