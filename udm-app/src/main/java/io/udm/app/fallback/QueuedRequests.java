package io.udm.app.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.ItemKey;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link WriteRequest} as the JSON the retry queue stores, and back: everything the write needs
 * (key, document or patch, options, function id, bulk flag), so the worker replays exactly the
 * request the caller made, with the same fingerprint. Format version 1; a queued op written in
 * another format is refused with a message instead of being misread.
 */
final class QueuedRequests {
  static final int FORMAT = 1;

  private QueuedRequests() {}

  /** Only single-item writes are queued: a collection restore's item belongs to its resumable run. */
  static boolean queueable(WriteRequest request) {
    return !(request instanceof WriteRequest.Restore restore && restore.run().isPresent());
  }

  static WriteRequest withRequestId(WriteRequest request, String requestId) {
    WriteOptions options = WriteOptions.builder().from(request.options()).requestId(requestId).build();
    if (request instanceof WriteRequest.Create c) {
      return new WriteRequest.Create(c.key(), c.data(), options, c.generatedId());
    } else if (request instanceof WriteRequest.Update u) {
      return new WriteRequest.Update(u.key(), u.data(), options);
    } else if (request instanceof WriteRequest.Delete d) {
      return new WriteRequest.Delete(d.key(), options);
    } else if (request instanceof WriteRequest.Enrich e) {
      return new WriteRequest.Enrich(e.key(), e.patch(), e.function(), options, e.bulk());
    }
    WriteRequest.Restore r = (WriteRequest.Restore) request;
    return new WriteRequest.Restore(r.key(), r.from(), r.asDeleted(), r.run(), options);
  }

  static ObjectNode toJson(WriteRequest request) {
    if (!queueable(request)) {
      throw new IllegalArgumentException("a collection restore's item is resumed by its run, not queued");
    }
    ObjectNode json = JsonValues.NODES.objectNode();
    json.put("format", FORMAT);
    json.put("op", request.op().name());
    RouteContext ctx = request.key().collection();
    json.put("tenantId", ctx.tenantId()).put("dbName", ctx.dbName()).put("collection", ctx.collection())
        .put("objectId", request.key().objectId());
    ObjectNode options = json.putObject("options");
    WriteOptions o = request.options();
    o.objectId().ifPresent(v -> options.put("objectId", v));
    o.expectedOv().ifPresent(v -> options.put("expectedOv", v));
    o.actor().ifPresent(v -> options.put("actor", v));
    o.reason().ifPresent(v -> options.put("reason", v));
    o.requestId().ifPresent(v -> options.put("requestId", v));
    if (request instanceof WriteRequest.Create c) {
      json.set("document", c.data());
      json.put("generatedId", c.generatedId());
    } else if (request instanceof WriteRequest.Update u) {
      json.set("document", u.data());
    } else if (request instanceof WriteRequest.Enrich e) {
      json.set("patch", e.patch());
      json.put("functionId", e.function());
      json.put("bulk", e.bulk());
    } else if (request instanceof WriteRequest.Restore r) {
      json.put("asDeleted", r.asDeleted());
      if (r.from() instanceof RestoreTarget.Version v) {
        json.put("restoreOv", v.ov());
      } else {
        json.put("restoreAt", ((RestoreTarget.AtInstant) r.from()).instant().toString());
      }
    }
    return json;
  }

  static WriteRequest fromJson(ObjectNode json) {
    int format = json.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IllegalArgumentException("queued request format " + format + " is not " + FORMAT
          + "; run the UDM release that queued it, or cancel the op");
    }
    ItemKey key = ItemKey.of(RouteContext.of(text(json, "tenantId"), text(json, "dbName"), text(json, "collection")),
        text(json, "objectId"));
    WriteOptions options = options(json.path("options"));
    switch (text(json, "op")) {
      case "CREATE":
        return new WriteRequest.Create(key, object(json, "document"), options, json.path("generatedId").asBoolean());
      case "UPDATE":
        return new WriteRequest.Update(key, object(json, "document"), options);
      case "DELETE":
        return new WriteRequest.Delete(key, options);
      case "ENRICH":
        return new WriteRequest.Enrich(key, object(json, "patch"), text(json, "functionId"), options,
            json.path("bulk").asBoolean());
      case "RESTORE":
        RestoreTarget from = json.has("restoreOv")
            ? RestoreTarget.version(json.get("restoreOv").asLong())
            : RestoreTarget.at(Instant.parse(text(json, "restoreAt")));
        return new WriteRequest.Restore(key, from, json.path("asDeleted").asBoolean(), Optional.empty(), options);
      default:
        throw new IllegalArgumentException("queued request has an unknown op '" + text(json, "op") + "'");
    }
  }

  private static WriteOptions options(JsonNode o) {
    var b = WriteOptions.builder();
    if (o.has("objectId")) {
      b.objectId(o.get("objectId").asText());
    }
    if (o.has("expectedOv")) {
      b.expectedOv(o.get("expectedOv").asLong());
    }
    if (o.has("actor")) {
      b.actor(o.get("actor").asText());
    }
    if (o.has("reason")) {
      b.reason(o.get("reason").asText());
    }
    if (o.has("requestId")) {
      b.requestId(o.get("requestId").asText());
    }
    return b.build();
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("queued request lacks the text field '" + field + "'");
    }
    return v.asText();
  }

  private static ObjectNode object(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException("queued request lacks the object field '" + field + "'");
    }
    return (ObjectNode) v;
  }
}
