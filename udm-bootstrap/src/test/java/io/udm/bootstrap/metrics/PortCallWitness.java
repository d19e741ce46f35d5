package io.udm.bootstrap.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.udm.app.Invocations;
import io.udm.app.StoragePorts;
import io.udm.bootstrap.wiring.PortDecorator;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobStore;
import io.udm.spi.CounterStore;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.HeadStore;
import io.udm.spi.HealthProbe;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.RequestMemos;
import io.udm.spi.RetryQueue;
import io.udm.spi.SequenceStore;
import io.udm.spi.VersionLog;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Sits beneath the metrics and watches every port call: it runs them one at a time (one lock, across
 * threads) and reads what {@code udm.storage.calls} counted while each ran, so every request counted
 * meanwhile was sent by that call and no other. It names the ports itself, by their interfaces, so a
 * port the metrics mislabel shows up as a mismatch.
 */
final class PortCallWitness implements PortDecorator {
  /** One port call as the witness saw it, and the requests counted while it ran (by meter). */
  record Seen(String thread, String backend, String port, String call, Map<Meter.Id, Long> requests) {
    long requestCount() {
      return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    long requestsTo(String store) {
      return requests.entrySet().stream().filter(e -> store.equals(e.getKey().getTag("store")))
          .mapToLong(Map.Entry::getValue).sum();
    }

    /** Whether every request counted carries this call's backend, port and call. */
    boolean attributedToItself() {
      return requests.keySet().stream().allMatch(id -> backend.equals(id.getTag("backend"))
          && port.equals(id.getTag("port")) && call.equals(id.getTag("call")));
    }

    @Override
    public String toString() {
      return port + "." + call + " on " + backend + " (" + thread + "): " + requests.entrySet().stream()
          .map(e -> e.getValue() + " x " + e.getKey().getTags()).toList();
    }
  }

  private final MeterRegistry registry;
  private final Object oneAtATime = new Object();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  PortCallWitness(MeterRegistry registry) {
    this.registry = registry;
  }

  MeterRegistry registry() {
    return registry;
  }

  /** Runs {@code read} while no port call runs: what it reads of the registry then matches {@link #seen()}. */
  <T> T betweenPortCalls(Supplier<T> read) {
    synchronized (oneAtATime) {
      return read.get();
    }
  }

  /** Every port call seen so far, in order. */
  List<Seen> seen() {
    return List.copyOf(seen);
  }

  @Override
  public StoragePorts decorate(StoragePorts ports) {
    return new StoragePorts(ports.backends().stream().map(this::watched).toList(),
        watch(CounterStore.class, ports.counters(), "counters", "counters"),
        watch(PlacementRegistry.class, ports.placements(), "counters", "placements"),
        watch(io.udm.spi.IndexStates.class, ports.indexStates(), "counters", "indexStates"),
        watch(io.udm.spi.HoldStore.class, ports.holds(), "counters", "holds"),
        watch(RetryQueue.class, ports.retryQueue(), "counters", "retryQueue"),
        watch(HealthProbe.class, ports.countersProbe(), "counters", "health"),
        ports.resources());
  }

  private BackendPorts watched(BackendPorts b) {
    String id = b.backendId();
    return new BackendPorts(b.index(), id,
        watch(HeadStore.class, b.heads(), id, "heads"),
        watch(VersionLog.class, b.versions(), id, "versions"),
        watch(EffectsOutbox.class, b.outbox(), id, "outbox"),
        watch(RequestMemos.class, b.requestMemos(), id, "requestMemos"),
        watch(SequenceStore.class, b.sequences(), id, "sequences"),
        watch(BlobStore.class, b.blobs(), id, "blobs"),
        watch(HealthProbe.class, b.mongoProbe(), id, "health"),
        watch(HealthProbe.class, b.blobProbe(), id, "health"),
        b.mongoEndpoint(), b.blobEndpoint());
  }

  private <T> T watch(Class<T> type, T target, String backend, String port) {
    if (target == null) {
      return null;
    }
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return Invocations.invoke(method, target, args);
      }
      synchronized (oneAtATime) {
        Map<Meter.Id, Long> before = counts();
        try {
          return Invocations.invoke(method, target, args);
        } finally {
          seen.add(new Seen(Thread.currentThread().getName(), backend, port, method.getName(), since(before)));
        }
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private Map<Meter.Id, Long> counts() {
    Map<Meter.Id, Long> counts = new HashMap<>();
    registry.find(MeteredPorts.METER).timers().forEach(t -> counts.put(t.getId(), t.count()));
    return counts;
  }

  private Map<Meter.Id, Long> since(Map<Meter.Id, Long> before) {
    Map<Meter.Id, Long> added = new HashMap<>();
    for (Timer t : registry.find(MeteredPorts.METER).timers()) {
      long more = t.count() - before.getOrDefault(t.getId(), 0L);
      if (more > 0) {
        added.put(t.getId(), more);
      }
    }
    return Map.copyOf(added);
  }
}
