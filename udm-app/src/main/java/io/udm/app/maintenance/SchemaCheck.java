package io.udm.app.maintenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.RouteContext;
import io.udm.api.SchemaReport;
import io.udm.api.SchemaViolation;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.CollectionSchema;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.routing.BackendRouter;
import io.udm.app.scan.CollectionPayloads;
import io.udm.app.scan.ItemScan;
import io.udm.app.write.HeadRepair;
import io.udm.domain.document.SchemaProblems;
import io.udm.spi.BackendPorts;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the latest version of every live item against the collection's current schema, one page
 * of heads at a time, keeping the first {@link SchemaReport#MAX_VIOLATIONS} violations. Reads only.
 */
public final class SchemaCheck {
  private final UdmConfig config;
  private final BackendRouter router;

  public SchemaCheck(UdmConfig config, BackendRouter router) {
    this.config = config;
    this.router = router;
  }

  public SchemaReport check(RouteContext ctx, ProgressListener progress) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(progress, "progress");
    CollectionMap map = config.collectionMap(ctx.collection());
    if (map.compiledSchema().isEmpty()) {
      throw new ValidationException("collection '" + ctx.collection() + "' has no schema to check against; add"
          + " collectionMaps." + ctx.collection() + ".schema (or schemaFile) to the config");
    }
    BackendPorts backend = router.forRead(ctx);
    List<SchemaViolation> kept = new ArrayList<>();
    long[] checked = {0};
    long[] invalid = {0};
    ItemScan.forEachHead(backend, ctx, CollectionPayloads.PAGE, head -> {
      Optional<VersionRecord> latest = HeadRepair.latestCommitted(backend, head.key(), Optional.of(head));
      Optional<ObjectNode> data = latest.filter(v -> !v.deleted())
          .flatMap(v -> StoredPayloads.userDataIfKept(backend, v));
      if (data.isEmpty()) {
        return; // deleted, or gone since the page was read
      }
      checked[0]++;
      List<CollectionSchema.Violation> violations = SchemaProblems.violations(data.get(), map);
      if (!violations.isEmpty()) {
        invalid[0]++;
        for (CollectionSchema.Violation v : violations) {
          if (kept.size() < SchemaReport.MAX_VIOLATIONS) {
            kept.add(new SchemaViolation(head.key().objectId(), latest.get().ov(), v.pointer(), v.message()));
          }
        }
      }
      progress.onProgress(Progress.items("schema check", checked[0]));
    });
    return new SchemaReport(checked[0], invalid[0], kept);
  }
}
