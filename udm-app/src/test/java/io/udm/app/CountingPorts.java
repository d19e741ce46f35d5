package io.udm.app;

import io.udm.spi.BackendPorts;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps every SPI port so each call is counted by "Port.method", and blob calls also by
 * "BlobStore.method@AREA": a spy over the real adapters.
 */
public final class CountingPorts {
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

  public StoragePorts wrap(StoragePorts ports) {
    List<BackendPorts> backends = ports.backends().stream().map(this::wrap).toList();
    return new StoragePorts(backends, spy(io.udm.spi.CounterStore.class, ports.counters()),
        spy(io.udm.spi.PlacementRegistry.class, ports.placements()),
        spy(io.udm.spi.IndexStates.class, ports.indexStates()),
        spy(io.udm.spi.HoldStore.class, ports.holds()), spy(io.udm.spi.RetryQueue.class, ports.retryQueue()),
        spy(io.udm.spi.HealthProbe.class, ports.countersProbe()), ports.resources());
  }

  private BackendPorts wrap(BackendPorts b) {
    return new BackendPorts(b.index(), b.backendId(), spy(io.udm.spi.HeadStore.class, b.heads()),
        spy(io.udm.spi.VersionLog.class, b.versions()), spy(io.udm.spi.EffectsOutbox.class, b.outbox()),
        spy(io.udm.spi.RequestMemos.class, b.requestMemos()), spy(io.udm.spi.SequenceStore.class, b.sequences()),
        spy(io.udm.spi.BlobStore.class, b.blobs()), spy(io.udm.spi.HealthProbe.class, b.mongoProbe()),
        spy(io.udm.spi.HealthProbe.class, b.blobProbe()), b.mongoEndpoint(), b.blobEndpoint());
  }

  private <T> T spy(Class<T> port, T target) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() != Object.class) {
        String name = port.getSimpleName() + "." + method.getName();
        calls.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        if (args != null && args.length > 0 && args[0] instanceof io.udm.spi.BlobArea area) {
          calls.computeIfAbsent(name + "@" + area, k -> new AtomicLong()).incrementAndGet();
        }
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
  }

  /** Calls of every port method ("Port.method"); per-area blob calls ("BlobStore.put@CONTENT") are not counted twice. */
  public long total() {
    return calls.entrySet().stream().filter(e -> !e.getKey().contains("@")).mapToLong(e -> e.getValue().get()).sum();
  }

  public long count(String portDotMethod) {
    AtomicLong n = calls.get(portDotMethod);
    return n == null ? 0 : n.get();
  }

  public void reset() {
    calls.clear();
  }

  @Override
  public String toString() {
    return calls.toString();
  }
}
