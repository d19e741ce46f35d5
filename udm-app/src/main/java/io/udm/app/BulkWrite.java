package io.udm.app;

import java.util.function.Supplier;

/**
 * Marks the writes a bulk operation (collection restore, enrichment batch) makes on this thread,
 * so after-commit work may skip what bulk writes are allowed to skip (dev shadows with {@code
 * allowShadowSkip}). Nested bulk operations keep the mark until the outermost one ends.
 */
final class BulkWrite {
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private BulkWrite() {}

  /** Runs {@code work} with this thread's writes marked as bulk. */
  static <T> T run(Supplier<T> work) {
    DEPTH.set(DEPTH.get() + 1);
    try {
      return work.get();
    } finally {
      int depth = DEPTH.get() - 1;
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  /** True while a bulk operation runs on this thread. */
  static boolean active() {
    return DEPTH.get() > 0;
  }
}
