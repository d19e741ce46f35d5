package io.udm.app.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Names;
import io.udm.api.RouteContext;
import io.udm.api.VersionDiff;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.routing.BackendRouter;
import io.udm.domain.diff.JsonDiffs;
import io.udm.spi.BackendPorts;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.List;

/** What changed between two versions of an item, as an RFC 6902 JSON Patch over their data. */
public final class VersionDiffService {
  private final BackendRouter router;

  public VersionDiffService(BackendRouter router) {
    this.router = router;
  }

  /** Either order; ov 0 stands for {} (before the item existed). Deleted versions diff like any other. */
  public VersionDiff diff(RouteContext ctx, String id, long fromOv, long toOv) {
    List<String> problems = new ArrayList<>();
    Names.objectIdProblem(id).ifPresent(problems::add);
    if (fromOv < 0 || toOv < 0) {
      problems.add("ovs start at 1 (0 stands for the empty document before the item existed); got " + fromOv
          + " and " + toOv);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    BackendPorts backend = router.forRead(ctx);
    ItemKey key = ItemKey.of(ctx, id);
    if (fromOv == 0 && toOv == 0 && backend.versions().latest(key).isEmpty()) {
      throw new NotFoundException("item '" + id + "' does not exist in " + ctx);
    }
    return new VersionDiff(id, fromOv, toOv, JsonDiffs.diff(data(backend, key, fromOv), data(backend, key, toOv)));
  }

  private static ObjectNode data(BackendPorts backend, ItemKey key, long ov) {
    if (ov == 0) {
      return JsonValues.NODES.objectNode();
    }
    VersionRecord version = backend.versions().find(key, ov).orElseThrow(() -> missing(key, ov));
    return StoredPayloads.userDataIfKept(backend, version).orElseThrow(() -> missing(key, ov));
  }

  private static NotFoundException missing(ItemKey key, long ov) {
    return new NotFoundException("item '" + key.objectId() + "' of " + key.collection() + " has no version " + ov
        + ": it never existed or retention pruned it; pick versions from history(id)");
  }
}
