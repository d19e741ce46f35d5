package io.udm.bootstrap;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.bootstrap.metrics.MeteredPorts;
import io.udm.bootstrap.metrics.StorageRequests;
import io.udm.bootstrap.metrics.UdmMetrics;
import io.udm.bootstrap.wiring.ClientListeners;
import io.udm.bootstrap.wiring.PortDecorator;
import io.udm.bootstrap.wiring.StorageConnection;
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
    return inMemory(config, clock, UdmOptions.defaults());
  }

  /** {@link #inMemory(UdmConfig)} with options (metrics, a clock). */
  public static Udm inMemory(UdmConfig config, UdmOptions options) {
    return inMemory(config, Clock.systemUTC(), options);
  }

  /** {@link #inMemory(UdmConfig)} reading time from {@code clock} (unless {@code options} name one), with options. */
  public static Udm inMemory(UdmConfig config, Clock clock, UdmOptions options) {
    return inMemory(config, clock, options, PortDecorator.NONE);
  }

  /**
   * {@link #inMemory(UdmConfig, Clock, UdmOptions)} with the stores seen through {@code stores}:
   * beneath the API's metrics (where a real store's failures are), above the storage meter (which
   * counts what reaches a store). Tests put a fault injector there, or a witness of every port call.
   */
  static Udm inMemory(UdmConfig config, Clock clock, UdmOptions options, PortDecorator stores) {
    Objects.requireNonNull(options, "options");
    Clock wallClock = options.clock().orElse(Objects.requireNonNull(clock, "clock"));
    MemoryUdmComponent component = DaggerMemoryUdmComponent.factory().create(Objects.requireNonNull(config, "config"),
        wallClock, memoryPorts(options, stores));
    return instrumented(component.udm(), component.optimizer(), options);
  }

  /** MongoDB + S3 adapters built from the config; buckets must exist. */
  public static Udm create(UdmConfig config) {
    return create(config, ConnectOptions.defaults());
  }

  /**
   * MongoDB + S3 adapters built from the config, with options: {@code UdmOptions.builder().meterRegistry(r)}
   * adds metrics, {@code .clock(c)} sets the wall clock.
   */
  public static Udm create(UdmConfig config, UdmOptions options) {
    return create(config, ConnectOptions.defaults(), options);
  }

  /** As {@link #create(UdmConfig, ConnectOptions)}, without metrics. */
  public static Udm create(UdmConfig config, ConnectOptions options) {
    return create(config, options, UdmOptions.defaults());
  }

  /**
   * MongoDB + S3 adapters built from the config, connected as {@code connect} says, with
   * {@code options} (metrics). Connects to every backend pair and the counters
   * MongoDB, creates indexes, checks (or creates) buckets; on any failure closes what it opened
   * and throws a {@code StorageException} naming the backend, without credentials.
   */
  public static Udm create(UdmConfig config, ConnectOptions connect, UdmOptions options) {
    return create(config, connect, options, PortDecorator.NONE);
  }

  /**
   * {@link #create(UdmConfig, ConnectOptions, UdmOptions)} with the stores seen through {@code stores},
   * as {@link #inMemory(UdmConfig, Clock, UdmOptions, PortDecorator)} has them.
   */
  static Udm create(UdmConfig config, ConnectOptions connect, UdmOptions options, PortDecorator stores) {
    Objects.requireNonNull(config, "config").requireBackends();
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(options, "options");
    StorageConnection connection = new StorageConnection(connect.createBucketsIfMissing(), connect.connectTimeout(),
        connect.storesPrepared(), clientListeners(options));
    ProductionUdmComponent component = DaggerProductionUdmComponent.factory()
        .create(config, connection, options.clock().orElse(connect.clock()), serverPorts(options, stores));
    return instrumented(component.udm(), component.optimizer(), options);
  }

  /*
   * Micrometer is optional for library users: only these methods name its types, and they reach
   * MeteredPorts, StorageRequests and UdmMetrics only when a registry was given.
   */

  /**
   * In memory each port call is the one request its store receives: the ports count their calls,
   * beneath {@code stores} as a server's listener would be.
   */
  private static PortDecorator memoryPorts(UdmOptions options, PortDecorator stores) {
    PortDecorator counted = options.meterRegistry().isEmpty() ? PortDecorator.NONE
        : MeteredPorts.countingCalls(options.meterRegistry().get());
    return ports -> stores.decorate(counted.decorate(ports));
  }

  /**
   * On servers the clients count the requests they send ({@link #clientListeners}); the ports only
   * mark which port call sends them.
   */
  private static PortDecorator serverPorts(UdmOptions options, PortDecorator stores) {
    PortDecorator marked = options.meterRegistry().isEmpty() ? PortDecorator.NONE : MeteredPorts.markingCalls();
    return ports -> stores.decorate(marked.decorate(ports));
  }

  private static ClientListeners clientListeners(UdmOptions options) {
    return options.meterRegistry().isEmpty() ? ClientListeners.NONE
        : StorageRequests.clientListeners(options.meterRegistry().get());
  }

  private static Udm instrumented(Udm udm, WriteOptimizer optimizer, UdmOptions options) {
    return options.meterRegistry().isEmpty() ? udm : UdmMetrics.instrument(udm, optimizer, options.meterRegistry().get());
  }
}
