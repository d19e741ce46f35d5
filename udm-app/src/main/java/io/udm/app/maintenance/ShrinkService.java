package io.udm.app.maintenance;

import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.RouteContext;
import io.udm.api.ShrinkOptions;
import io.udm.api.ShrinkResult;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.DevShadow;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ListPosition;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Removes expired or oversized dev shadows from the heads of a collection. A shadow is expired at
 * its {@code expiresAt}, and oversized when larger than the current {@code maxBytesPerDoc} (it may
 * have been lowered since the shadow was written). A dry run reports what a confirmed run would
 * free and changes nothing; a confirmed run removes each shadow by compare-and-set at the head's
 * ov, so a head a writer moved meanwhile is left to its writer (its new head has its own shadow).
 */
public final class ShrinkService {
  private static final System.Logger LOG = System.getLogger(ShrinkService.class.getName());
  static final int DEFAULT_PAGE_SIZE = 500;

  private final UdmConfig config;
  private final BackendRouter router;
  private final Clock clock;
  private final int pageSize;

  public ShrinkService(UdmConfig config, BackendRouter router, Clock clock) {
    this(config, router, clock, DEFAULT_PAGE_SIZE);
  }

  public ShrinkService(UdmConfig config, BackendRouter router, Clock clock, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("a shrink page holds at least one head, got " + pageSize);
    }
    this.config = config;
    this.router = router;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  public ShrinkResult shrink(RouteContext ctx, ShrinkOptions opts) {
    return shrink(ctx, opts, ProgressListener.NONE);
  }

  /** Shrinks (or reports) {@code ctx}'s dev shadows, telling {@code progress} after each head. */
  public ShrinkResult shrink(RouteContext ctx, ShrinkOptions opts, ProgressListener progress) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(progress, "progress");
    if (opts == null) {
      throw new ValidationException("shrink options must not be null; pass ShrinkOptions.dryRun() or ShrinkOptions.confirmed()");
    }
    if (!opts.isDryRun() && !opts.confirm()) {
      throw new ValidationException(
          "removing dev shadows must be confirmed; pass ShrinkOptions.confirmed(), or ShrinkOptions.dryRun() to only report");
    }
    boolean remove = !opts.isDryRun();
    Instant now = clock.instant();
    long maxBytes = config.devShadow().maxBytesPerDoc();
    BackendPorts backend = router.forMaintenance(ctx);
    long scanned = 0;
    long shrunk = 0;
    long freed = 0;
    Optional<ListPosition> after = Optional.empty();
    while (true) {
      List<HeadRecord> page = backend.heads().query(
          new HeadQuery(ctx, io.udm.api.MetaQuery.all(), Optional.empty(), true, after, pageSize, true));
      for (HeadRecord head : page) {
        scanned++;
        progress.onProgress(Progress.items("shrink", scanned));
        Optional<DevShadow> shadow = head.shadow();
        if (shadow.isEmpty() || !shrinkable(shadow.get(), now, maxBytes)) {
          continue;
        }
        if (remove && !backend.heads().compareAndSet(head.ov(), head.withShadow(Optional.empty())).applied()) {
          // A writer moved the head meanwhile; the old shadow went with the old head.
          continue;
        }
        shrunk++;
        freed += shadow.get().bytes();
      }
      if (page.size() < pageSize) {
        break;
      }
      after = Optional.of(new ListPosition(null, page.get(page.size() - 1).key().objectId()));
    }
    LOG.log(Level.INFO, "{0} dev shadows of {1}: {2} heads scanned, {3} shadows, {4} bytes",
        remove ? "shrank" : "dry run of shrinking", ctx, scanned, shrunk, freed);
    return new ShrinkResult(scanned, shrunk, freed);
  }

  public static boolean shrinkable(DevShadow shadow, Instant now, long maxBytes) {
    return !shadow.expiresAt().isAfter(now) || shadow.bytes() > maxBytes;
  }
}
