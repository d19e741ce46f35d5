package io.udm.app.read;

import io.udm.api.ItemView;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.VersionInfo;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.app.routing.BackendRouter;
import io.udm.app.write.HeadRepair;
import io.udm.app.write.RememberedHeads;
import io.udm.spi.BackendPorts;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads of one item: latest, a given version, as of an instant, and its history. */
public final class ReadItemService {
  private final UdmConfig config;
  private final BackendRouter router;
  private final ContentReads contents;
  private final RememberedHeads remembered;

  /** @param remembered where the heads this process read go, for its writes */
  public ReadItemService(UdmConfig config, BackendRouter router, RememberedHeads remembered) {
    this.config = config;
    this.router = router;
    this.contents = new ContentReads(config);
    this.remembered = remembered;
  }

  public Optional<ItemView> getLatest(RouteContext ctx, String id, ReadOptions opts) {
    ItemKey key = ItemKey.of(ctx, id);
    BackendPorts backend = router.forRead(ctx);
    OptionalLong quiet = remembered.beforeRead(backend, ctx);
    Optional<VersionRecord> latest = HeadRepair.latestCommitted(backend, key);
    latest.ifPresent(version -> remembered.read(backend, version, quiet));
    return visible(backend, latest, opts);
  }

  public Optional<ItemView> getVersion(RouteContext ctx, String id, long ov, ReadOptions opts) {
    ItemKey key = ItemKey.of(ctx, id);
    if (ov < 1) {
      throw new ValidationException("ov starts at 1; got " + ov);
    }
    BackendPorts backend = router.forRead(ctx);
    return visible(backend, backend.versions().find(key, ov), opts);
  }

  /** The newest committed version with {@code at <= instant}; a deleted one only with includeDeleted. */
  public Optional<ItemView> getAsOf(RouteContext ctx, String id, Instant at, ReadOptions opts) {
    ItemKey key = ItemKey.of(ctx, id);
    if (at == null) {
      throw new ValidationException("the instant must not be null; pass the time to read the item as of");
    }
    BackendPorts backend = router.forRead(ctx);
    return visible(backend, backend.versions().latestAtOrBefore(key, at), opts);
  }

  public List<VersionInfo> history(RouteContext ctx, String id) {
    ItemKey key = ItemKey.of(ctx, id);
    return router.forRead(ctx).versions().history(key).stream()
        .map(v -> new VersionInfo(v.ov(), v.cv(), v.at(), v.op(), v.actor(), v.reason(), v.functionId()))
        .toList();
  }

  private Optional<ItemView> visible(BackendPorts backend, Optional<VersionRecord> version, ReadOptions opts) {
    return version
        .filter(v -> opts.includeDeleted() || !v.deleted())
        .flatMap(v -> ItemViews.ofKept(backend, v, config.collectionMap(v.key().collection().collection()).indexedProps())
            .map(view -> contents.apply(backend, v.key(), view, opts)));
  }
}
