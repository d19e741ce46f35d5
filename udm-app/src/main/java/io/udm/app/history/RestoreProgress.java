package io.udm.app.history;

import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import java.util.Optional;

/**
 * Progress of a collection restore ({@link RestoreService#restoreCollection}): a listener hears
 * about every page of items the restore finishes (each page is checkpointed first), and once more
 * when it is done. A listener that throws aborts the restore after the checkpoint of the page it
 * was told about; calling the restore again resumes from there.
 */
public final class RestoreProgress {
  private RestoreProgress() {}

  /** Hears about a collection restore's progress; called on the restoring thread. */
  @FunctionalInterface
  public interface Listener {
    /** Ignores everything. */
    Listener NONE = snapshot -> {};

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
}
