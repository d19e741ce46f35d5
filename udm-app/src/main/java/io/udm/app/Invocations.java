package io.udm.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls an interface method reflectively for a proxy, rethrowing exactly what the call threw. */
public final class Invocations {
  private Invocations() {}

  public static Object invoke(Method method, Object target, Object[] args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      // UDM's interfaces throw unchecked exceptions only; rethrow the call's own.
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("the interface method " + method + " is not accessible", e);
    }
  }
}
