package io.udm.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Change;
import io.udm.api.ChangePage;
import io.udm.api.ComponentHealth;
import io.udm.api.ContentRef;
import io.udm.api.CreateResult;
import io.udm.api.DeleteResult;
import io.udm.api.EnrichResult;
import io.udm.api.HealthReport;
import io.udm.api.ItemView;
import io.udm.api.Page;
import io.udm.api.RestoreResult;
import io.udm.api.SystemHeader;
import io.udm.api.UpdateResult;
import io.udm.api.VersionDiff;
import io.udm.api.VersionInfo;
import io.udm.api.json.JsonValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON bodies of the HTTP service, built from the public API's values. Absent optionals are left out. */
final class JsonViews {
  private JsonViews() {}

  static ObjectNode written(String id, long ov, long cv, Instant at) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("id", id).put("ov", ov).put("cv", cv).put("at", at.toString());
    return out;
  }

  static ObjectNode created(CreateResult r) {
    return written(r.id(), r.ov(), r.cv(), r.at());
  }

  static ObjectNode updated(UpdateResult r) {
    return written(r.id(), r.ov(), r.cv(), r.at());
  }

  static ObjectNode deleted(DeleteResult r) {
    return written(r.id(), r.ov(), r.cv(), r.at());
  }

  static ObjectNode enriched(EnrichResult r) {
    ObjectNode out = written(r.id(), r.ov(), r.cv(), r.at());
    strings(out.putArray("functionIds"), r.functionIds());
    return out;
  }

  static ObjectNode restored(RestoreResult r) {
    return written(r.id(), r.ov(), r.cv(), r.at()).put("restoredFromOv", r.restoredFromOv());
  }

  static ObjectNode item(ItemView view) {
    ObjectNode out = written(view.id(), view.ov(), view.cv(), view.at());
    out.put("deleted", view.deleted());
    out.set("data", view.data());
    out.set("meta", view.meta());
    out.set("system", system(view.system()));
    if (!view.content().isEmpty()) {
      ObjectNode content = out.putObject("content");
      view.content().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> content.set(e.getKey(), contentRef(e.getValue())));
    }
    return out;
  }

  static ObjectNode page(Page<ItemView> page) {
    ObjectNode out = JsonValues.NODES.objectNode();
    ArrayNode items = out.putArray("items");
    page.items().forEach(view -> items.add(item(view)));
    page.nextCursor().ifPresentOrElse(c -> out.put("nextCursor", c), () -> out.putNull("nextCursor"));
    return out;
  }

  static ArrayNode history(List<VersionInfo> versions) {
    ArrayNode out = JsonValues.NODES.arrayNode();
    for (VersionInfo v : versions) {
      ObjectNode entry = out.addObject();
      entry.put("ov", v.ov()).put("cv", v.cv()).put("at", v.at().toString()).put("op", v.op().name());
      optional(entry, "actor", v.actor());
      optional(entry, "reason", v.reason());
      optional(entry, "functionId", v.functionId());
    }
    return out;
  }

  static ObjectNode diff(VersionDiff diff) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("id", diff.id()).put("fromOv", diff.fromOv()).put("toOv", diff.toOv());
    out.set("patch", diff.patch());
    return out;
  }

  static ObjectNode changes(ChangePage page) {
    ObjectNode out = JsonValues.NODES.objectNode();
    ArrayNode changes = out.putArray("changes");
    for (Change c : page.changes()) {
      ObjectNode entry = changes.addObject();
      entry.put("id", c.id()).put("ov", c.ov()).put("cv", c.cv()).put("at", c.at().toString()).put("op", c.op().name());
      optional(entry, "actor", c.actor());
      optional(entry, "functionId", c.functionId());
      c.data().ifPresent(data -> entry.set("data", data));
    }
    out.put("nextAfterCv", page.nextAfterCv());
    return out;
  }

  static ObjectNode health(HealthReport report) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("status", report.status().name());
    ArrayNode backends = out.putArray("backends");
    report.backends().forEach(b -> {
      ObjectNode entry = backends.addObject();
      entry.put("index", b.index()).put("backendId", b.backendId()).put("status", b.status().name());
      entry.set("mongo", component(b.mongo()));
      entry.set("s3", component(b.s3()));
    });
    out.set("counters", component(report.counters()));
    return out;
  }

  private static ObjectNode component(ComponentHealth health) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("status", health.status().name()).put("latencyMs", health.latency().toMillis());
    optional(out, "error", health.error());
    return out;
  }

  private static ObjectNode system(SystemHeader system) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("insertedAt", system.insertedAt().toString()).put("updatedAt", system.updatedAt().toString());
    system.deletedAt().ifPresent(at -> out.put("deletedAt", at.toString()));
    out.put("deleted", system.deleted());
    strings(out.putArray("functionIds"), system.functionIds());
    return out;
  }

  private static ObjectNode contentRef(ContentRef ref) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("key", ref.key()).put("contentType", ref.contentType()).put("size", ref.size()).put("sha256", ref.sha256());
    ref.url().ifPresent(url -> out.put("url", url.toString()));
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void optional(ObjectNode node, String field, Optional<String> value) {
    value.ifPresent(v -> node.put(field, v));
  }
}
