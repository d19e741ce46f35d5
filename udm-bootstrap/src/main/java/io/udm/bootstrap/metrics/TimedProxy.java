package io.udm.bootstrap.metrics;

import io.udm.app.Invocations;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * An interface whose every call is timed, outcome included. A proxy, so a method added to a port
 * or an API later is timed without anyone remembering to; {@code Object}'s methods pass through
 * untimed.
 */
final class TimedProxy {
  private TimedProxy() {}

  /**
   * {@code target} behind timers: {@code outcomeOfResult} names a returned call's outcome and
   * {@code outcomeOfFailure} a thrown one's; the exception itself is rethrown unchanged.
   */
  static <T> T of(Class<T> type, T target, CallTimers timers, Function<Object, String> outcomeOfResult,
      Function<Throwable, String> outcomeOfFailure) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return Invocations.invoke(method, target, args);
      }
      long started = System.nanoTime();
      Object result;
      try {
        result = Invocations.invoke(method, target, args);
      } catch (RuntimeException | Error e) {
        timers.record(method, outcomeOfFailure.apply(e), System.nanoTime() - started);
        throw e;
      }
      timers.record(method, outcomeOfResult.apply(result), System.nanoTime() - started);
      return result;
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
