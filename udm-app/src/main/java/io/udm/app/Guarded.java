package io.udm.app;

import io.udm.app.admin.Lifecycle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * Puts an API object handed to callers behind the {@link Lifecycle}: every call runs as one
 * operation, so after shutdown it fails with a clear error instead of touching closed clients,
 * and shutdown waits for calls in flight; and no call passes a null argument ({@link
 * NullArguments}). A proxy, so methods added to an API later are covered without anyone
 * remembering to.
 */
final class Guarded {
  private Guarded() {}

  /** {@code target} behind {@code lifecycle}; methods named in {@code unguarded} pass straight through. */
  static <T> T of(Class<T> api, T target, Lifecycle lifecycle, Set<String> unguarded) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return invoke(method, target, args);
      }
      NullArguments.require(api, method, args);
      if (unguarded.contains(method.getName())) {
        return invoke(method, target, args);
      }
      return lifecycle.run(() -> invoke(method, target, args));
    };
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
  }

  static <T> T of(Class<T> api, T target, Lifecycle lifecycle) {
    return of(api, target, lifecycle, Set.of());
  }

  private static Object invoke(Method method, Object target, Object[] args) {
    return Invocations.invoke(method, target, args);
  }
}
