package io.udm.app;

import io.udm.spi.BackendPorts;
import io.udm.spi.BlobStore;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.HeadStore;
import io.udm.spi.RequestMemos;
import io.udm.spi.SequenceStore;
import io.udm.spi.VersionLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A spy over the real backend ports that records every call to the heads, the version log and the
 * blob store with its arguments and, when it returns a list, how many elements came back: what a
 * test needs to see how much one call asks for and gets.
 */
public final class RecordingPorts {
  /** One call: "Port.method", its arguments, and the size of the list it returned (-1 for anything else). */
  public record Call(String method, List<Object> args, int returned) {
    public Object arg(int i) {
      return args.get(i);
    }
  }

  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

  public StoragePorts wrap(StoragePorts ports) {
    List<BackendPorts> backends = ports.backends().stream().map(this::wrap).toList();
    return new StoragePorts(backends, ports.counters(), ports.placements(), ports.indexStates(), ports.holds(), ports.retryQueue(), ports.countersProbe(),
        ports.resources());
  }

  private BackendPorts wrap(BackendPorts b) {
    return new BackendPorts(b.index(), b.backendId(), spy(HeadStore.class, b.heads()), spy(VersionLog.class, b.versions()),
        spy(EffectsOutbox.class, b.outbox()), spy(RequestMemos.class, b.requestMemos()),
        spy(SequenceStore.class, b.sequences()), spy(BlobStore.class, b.blobs()), b.mongoProbe(), b.blobProbe(),
        b.mongoEndpoint(), b.blobEndpoint());
  }

  private <T> T spy(Class<T> port, T target) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (method.getDeclaringClass() != Object.class) {
        List<Object> arguments = args == null ? List.of() : java.util.Arrays.asList(args.clone());
        calls.add(new Call(port.getSimpleName() + "." + method.getName(), arguments,
            result instanceof List<?> list ? list.size() : -1));
      }
      return result;
    }));
  }

  /** The calls of one "Port.method", oldest first. */
  public List<Call> calls(String portDotMethod) {
    return calls.stream().filter(c -> c.method().equals(portDotMethod)).toList();
  }

  /** Every call, oldest first. */
  public List<Call> all() {
    return List.copyOf(calls);
  }

  public void reset() {
    calls.clear();
  }
}
