package io.udm.app.history;

import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Progress of {@link io.udm.api.ItemOps#restoreCollection}: a listener hears about every page of
 * items the restore finishes (each page is checkpointed first), and once more when it is done.
 *
 * <pre>{@code
 * CollectionRestoreResult r = RestoreProgress.reporting(
 *     p -> System.out.printf("%d items, %d restored%n", p.scanned(), p.restored()),
 *     () -> users.restoreCollection(RestoreTarget.at(lastNight)));
 * }</pre>
 *
 * <p>The listener is bound to the calling thread for the duration of {@code call}, so the public
 * {@code ItemOps} contract needs no extra overload and every wiring ({@code Udms.inMemory}, {@code
 * Udms.create}) supports it. A listener that throws aborts the restore after the checkpoint of the
 * page it was told about; calling the restore again resumes from there.
 */
public final class RestoreProgress {
  private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

  private RestoreProgress() {}

  /** Hears about a collection restore's progress; called on the restoring thread. */
  @FunctionalInterface
  public interface Listener {
    void onProgress(Snapshot snapshot);
  }

  /**
   * Counts so far, for the whole run (a resumed run includes what was done before the restart).
   * {@code pruned} items were left as they are because retention removed their state at the target;
   * they are part of {@code unchanged}.
   */
  public record Snapshot(
      RouteContext collection,
      RestoreTarget target,
      long scanned,
      long restored,
      long unchanged,
      long deleted,
      long pruned,
      Optional<String> lastObjectId,
      boolean resumed,
      boolean done) {}

  /** Runs {@code call} with {@code listener} hearing about every collection restore it makes on this thread. */
  public static <T> T reporting(Listener listener, Supplier<T> call) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(call, "call");
    Listener previous = CURRENT.get();
    CURRENT.set(listener);
    try {
      return call.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The listener of this thread, or one that ignores everything. */
  static Listener current() {
    Listener l = CURRENT.get();
    return l != null ? l : snapshot -> {};
  }
}
