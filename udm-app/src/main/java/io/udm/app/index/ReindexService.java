package io.udm.app.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.ReindexResult;
import io.udm.api.RouteContext;
import io.udm.api.config.UdmConfig;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.routing.BackendRouter;
import io.udm.app.scan.CollectionPayloads;
import io.udm.app.scan.ItemScan;
import io.udm.domain.document.MetaExtractor;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadWrite;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Backfills a collection's indexed values from each head's version data, one page of heads at a
 * time, then records every configured property complete. A head is rewritten only if its values
 * differ, and only at the ov it was read at: a writer that moved it meanwhile indexed what it wrote
 * (with the same properties), so losing that race is fine. Running it again redoes only what is
 * still missing, so an interrupted run finishes by running again.
 */
public final class ReindexService {
  private final UdmConfig config;
  private final BackendRouter router;
  private final IndexStateTracker indexes;

  public ReindexService(UdmConfig config, BackendRouter router, IndexStateTracker indexes) {
    this.config = config;
    this.router = router;
    this.indexes = indexes;
  }

  public ReindexResult reindex(RouteContext ctx, ProgressListener progress) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(progress, "progress");
    List<String> props = config.collectionMap(ctx.collection()).indexedProps();
    BackendPorts backend = router.forMaintenance(ctx);
    // As a writer would: the record knows this process's properties before any head changes.
    indexes.beforeWrite(ctx);
    long[] scanned = {0};
    long[] updated = {0};
    ItemScan.forEachHead(backend, ctx, CollectionPayloads.PAGE, head -> {
      scanned[0]++;
      Optional<ObjectNode> data = StoredPayloads.userDataIfKept(backend, head);
      if (data.isPresent()) {
        ObjectNode meta = MetaExtractor.extract(data.get(), props);
        if (!meta.equals(head.meta()) && backend.heads().compareAndSet(head.ov(), head.withMeta(meta)) == HeadWrite.APPLIED) {
          updated[0]++;
        }
      }
      progress.onProgress(Progress.items("reindex", scanned[0]));
    });
    for (String prop : props) {
      indexes.markComplete(ctx, prop);
    }
    return new ReindexResult(scanned[0], updated[0]);
  }
}
