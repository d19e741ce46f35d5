package io.udm.app;

import io.udm.api.AdminApi;
import io.udm.api.BackendHealth;
import io.udm.api.BackendInfo;
import io.udm.api.ComponentHealth;
import io.udm.api.HealthReport;
import io.udm.api.HealthStatus;
import io.udm.api.error.UdmException;
import io.udm.spi.BackendPorts;
import io.udm.spi.HealthProbe;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Health, backend overview and orderly shutdown. */
public final class AdminService implements AdminApi {
  private static final System.Logger LOG = System.getLogger(AdminService.class.getName());

  private final StoragePorts ports;
  private final AtomicBoolean shutDown = new AtomicBoolean();

  AdminService(StoragePorts ports) {
    this.ports = ports;
  }

  @Override
  public HealthReport health() {
    List<BackendHealth> backends = new ArrayList<>();
    for (BackendPorts b : ports.backends()) {
      backends.add(new BackendHealth(b.index(), b.backendId(), probe(b.mongoProbe()), probe(b.blobProbe())));
    }
    ComponentHealth counters = probe(ports.countersProbe());
    long up = backends.stream().filter(b -> b.status() == HealthStatus.UP).count();
    HealthStatus status;
    if (up == backends.size() && counters.status() == HealthStatus.UP) {
      status = HealthStatus.UP;
    } else if (up == 0 && backends.stream().allMatch(b -> b.status() == HealthStatus.DOWN)) {
      status = HealthStatus.DOWN;
    } else {
      status = HealthStatus.DEGRADED;
    }
    return new HealthReport(status, backends, counters);
  }

  @Override
  public List<BackendInfo> listBackends() {
    return ports.backends().stream()
        .map(b -> new BackendInfo(b.index(), b.backendId(), b.mongoEndpoint(), b.blobEndpoint()))
        .toList();
  }

  @Override
  public void shutdown() {
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    for (AutoCloseable resource : ports.resources()) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "closing {0} failed: {1}", resource.getClass().getSimpleName(), e.getClass().getSimpleName());
      }
    }
  }

  boolean isShutDown() {
    return shutDown.get();
  }

  /** Probe time is measured with the monotonic clock; it is a latency, not a point in time. */
  private static ComponentHealth probe(HealthProbe probe) {
    long start = System.nanoTime();
    try {
      probe.ping();
      return ComponentHealth.up(Duration.ofNanos(System.nanoTime() - start));
    } catch (UdmException e) {
      return ComponentHealth.down(Duration.ofNanos(System.nanoTime() - start), e.getMessage());
    } catch (RuntimeException e) {
      return ComponentHealth.down(Duration.ofNanos(System.nanoTime() - start), e.getClass().getSimpleName());
    }
  }
}
