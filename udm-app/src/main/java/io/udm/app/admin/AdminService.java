package io.udm.app.admin;

import io.udm.api.AdminApi;
import io.udm.api.BackendHealth;
import io.udm.api.BackendInfo;
import io.udm.api.ComponentHealth;
import io.udm.api.HealthReport;
import io.udm.api.HealthStatus;
import io.udm.api.error.UdmException;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.HealthProbe;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.Ticker;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Health, backend overview and orderly shutdown: refuse new operations, wait (up to the shutdown
 * timeout) for those in flight, then close the resources in order (counters flush first).
 */
public final class AdminService implements AdminApi {
  private static final System.Logger LOG = System.getLogger(AdminService.class.getName());

  private static final int PLACEMENT_PAGE = 1000;

  private final List<BackendPorts> backends;
  private final BackendRouter router;
  private final PlacementRegistry placements;
  private final HealthProbe countersProbe;
  private final Lifecycle lifecycle;
  private final Duration shutdownTimeout;
  private final List<AutoCloseable> closeInOrder;
  private final Ticker ticker;

  public AdminService(BackendRouter router, PlacementRegistry placements, HealthProbe countersProbe,
      Lifecycle lifecycle, Duration shutdownTimeout, List<AutoCloseable> closeInOrder, Ticker ticker) {
    this.backends = router.backends();
    this.router = router;
    this.placements = placements;
    this.countersProbe = countersProbe;
    this.lifecycle = lifecycle;
    this.shutdownTimeout = shutdownTimeout;
    this.closeInOrder = List.copyOf(closeInOrder);
    this.ticker = ticker;
  }

  @Override
  public HealthReport health() {
    List<BackendHealth> reports = new ArrayList<>();
    for (BackendPorts b : backends) {
      reports.add(new BackendHealth(b.index(), b.backendId(), probe(b.mongoProbe()), probe(b.blobProbe())));
    }
    ComponentHealth counters = probe(countersProbe);
    long up = reports.stream().filter(b -> b.status() == HealthStatus.UP).count();
    HealthStatus status;
    if (up == reports.size() && counters.status() == HealthStatus.UP) {
      status = HealthStatus.UP;
    } else if (up == 0 && reports.stream().allMatch(b -> b.status() == HealthStatus.DOWN)) {
      status = HealthStatus.DOWN;
    } else {
      status = HealthStatus.DEGRADED;
    }
    return new HealthReport(status, reports, counters);
  }

  @Override
  public List<BackendInfo> listBackends() {
    Map<String, Long> collections = collectionsPerBackend();
    return backends.stream()
        .map(b -> new BackendInfo(b.index(), b.backendId(), b.mongoEndpoint(), b.blobEndpoint(),
            router.draining(b.backendId()), collections.getOrDefault(b.backendId(), 0L)))
        .toList();
  }

  /** Placements read a page at a time. */
  private Map<String, Long> collectionsPerBackend() {
    Map<String, Long> counts = new HashMap<>();
    placements.forEach(PLACEMENT_PAGE, p -> counts.merge(p.backendId(), 1L, Long::sum));
    return counts;
  }


  /** Idempotent; the first call does the work, later ones return at once. */
  @Override
  public void shutdown() {
    int stillRunning;
    try {
      stillRunning = lifecycle.shutDown(shutdownTimeout);
    } catch (IllegalStateException alreadyShutDown) {
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stillRunning = -1;
    }
    if (stillRunning != 0) {
      LOG.log(Level.WARNING, "closing the stores while operations are still running ({0}, after waiting {1} ms;"
          + " raise shutdown.timeoutMs to wait longer); each of them either committed or fails with an error,"
          + " and a retry with its requestId applies it at most once",
          stillRunning < 0 ? "interrupted" : stillRunning + " of them", shutdownTimeout.toMillis());
    }
    for (AutoCloseable resource : closeInOrder) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "closing {0} failed: {1}", resource.getClass().getSimpleName(), e.getClass().getSimpleName());
      }
    }
  }

  /** Probe time is measured with the monotonic ticker; it is a latency, not a point in time. */
  private ComponentHealth probe(HealthProbe probe) {
    long start = ticker.nanoTime();
    try {
      probe.ping();
      return ComponentHealth.up(Duration.ofNanos(ticker.nanoTime() - start));
    } catch (UdmException e) {
      return ComponentHealth.down(Duration.ofNanos(ticker.nanoTime() - start), e.getMessage());
    } catch (RuntimeException e) {
      return ComponentHealth.down(Duration.ofNanos(ticker.nanoTime() - start), e.getClass().getSimpleName());
    }
  }
}
