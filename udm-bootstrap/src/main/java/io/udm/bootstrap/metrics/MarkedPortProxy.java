package io.udm.bootstrap.metrics;

import io.udm.app.Invocations;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * A port whose every call runs as a {@link PortCall} on its thread, so that the requests its client
 * sends meanwhile are counted under that backend, port and call. A proxy, so a method added to a port
 * later is marked without anyone remembering to; {@code Object}'s methods pass through unmarked.
 */
final class MarkedPortProxy {
  private MarkedPortProxy() {}

  static <T> T of(Class<T> type, T target, String backend, String port) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return Invocations.invoke(method, target, args);
      }
      return new PortCall(backend, port, method.getName()).during(() -> Invocations.invoke(method, target, args));
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
