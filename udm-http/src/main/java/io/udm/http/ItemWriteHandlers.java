package io.udm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.EnrichOptions;
import io.udm.api.FallbackFilter;
import io.udm.api.ItemOps;
import io.udm.api.Op;
import io.udm.api.RestoreTarget;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.json.JsonValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The writes: create (POST, or PUT with {@code If-None-Match: *}), update (PUT), delete, enrich and
 * restore. Headers fill the write options (If-Match and If-None-Match = expectedOv, see {@link
 * Preconditions}; Idempotency-Key = requestId,
 * X-Udm-Actor, X-Udm-Reason); a write queued for retry answers 202 with the op's location.
 */
final class ItemWriteHandlers {
  private final Udm udm;
  private final QueuedWrites queued;

  ItemWriteHandlers(Udm udm, QueuedWrites queued) {
    this.udm = udm;
    this.queued = queued;
  }

  Response create(HttpCall call) {
    call.noQuery();
    ItemOps items = call.items(udm);
    ObjectNode data = call.body();
    WriteOptions opts = WriteHeaders.of(call).writeOptions(Optional.empty());
    return queuedOr(call, Op.CREATE, Optional.empty(), () -> createdAt(call, items.create(data, opts)));
  }

  Response put(HttpCall call) {
    call.noQuery();
    ItemOps items = call.items(udm);
    String id = call.itemId();
    ObjectNode data = call.body();
    if (call.ifNoneMatchAny()) {
      if (call.header("If-Match").isPresent()) {
        throw HttpProblem.badRequest("send If-Match (update a version) or If-None-Match: * (create), not both");
      }
      WriteOptions opts = WriteHeaders.of(call).writeOptions(Optional.of(id));
      return queuedOr(call, Op.CREATE, Optional.of(id), () -> createdAt(call, items.create(data, opts)));
    }
    WriteOptions opts = WriteHeaders.of(call, Preconditions.forWrite(call, items, id)).writeOptions(Optional.empty());
    return queuedOr(call, Op.UPDATE, Optional.of(id), () -> {
      var r = items.update(id, data, opts);
      return Response.json(200, JsonViews.updated(r)).withETag(r.ov());
    });
  }

  Response delete(HttpCall call) {
    call.noQuery();
    ItemOps items = call.items(udm);
    String id = call.itemId();
    WriteOptions opts = WriteHeaders.of(call, Preconditions.forWrite(call, items, id)).writeOptions(Optional.empty());
    return queuedOr(call, Op.DELETE, Optional.of(id), () -> {
      var r = items.delete(id, opts);
      return Response.json(200, JsonViews.deleted(r)).withETag(r.ov());
    });
  }

  Response enrich(HttpCall call) {
    call.noQuery();
    ItemOps items = call.items(udm);
    String id = call.itemId();
    ObjectNode body = call.body();
    onlyFields(body, Set.of("functionId", "patch"));
    JsonNode functionId = body.get("functionId");
    JsonNode patch = body.get("patch");
    if (functionId == null || !functionId.isTextual() || patch == null || !patch.isObject()) {
      throw HttpProblem.badRequest("send {\"functionId\": \"scorer@v1\", \"patch\": {...}}: functionId a string,"
          + " patch an object");
    }
    EnrichOptions built = WriteHeaders.of(call, Preconditions.forWrite(call, items, id))
        .enrichOptions(functionId.textValue());
    return queuedOr(call, Op.ENRICH, Optional.of(id), () -> {
      var r = items.enrich(id, (ObjectNode) patch, built);
      return Response.json(200, JsonViews.enriched(r)).withETag(r.ov());
    });
  }

  Response restore(HttpCall call) {
    call.noQuery();
    ItemOps items = call.items(udm);
    String id = call.itemId();
    ObjectNode body = call.body();
    onlyFields(body, Set.of("ov", "at"));
    RestoreTarget target = target(body);
    WriteOptions opts = WriteHeaders.of(call, Preconditions.forWrite(call, items, id)).writeOptions(Optional.empty());
    return queuedOr(call, Op.RESTORE, Optional.of(id), () -> {
      var r = items.restoreObject(id, target, opts);
      return Response.json(200, JsonViews.restored(r)).withETag(r.ov());
    });
  }

  private static RestoreTarget target(ObjectNode body) {
    JsonNode ov = body.get("ov");
    JsonNode at = body.get("at");
    if ((ov == null) == (at == null)) {
      throw HttpProblem.badRequest("send either {\"ov\": N} or {\"at\": \"2025-01-31T12:00:00Z\"}");
    }
    if (ov != null) {
      if (!ov.canConvertToExactIntegral() || !ov.canConvertToLong() || ov.longValue() < 1) {
        throw HttpProblem.badRequest("ov must be a whole number, 1 or more");
      }
      return RestoreTarget.version(ov.longValue());
    }
    try {
      return RestoreTarget.at(Instant.parse(at.asText()));
    } catch (DateTimeParseException e) {
      throw HttpProblem.badRequest("at must be an ISO-8601 instant, e.g. 2025-01-31T12:00:00Z");
    }
  }

  private static void onlyFields(ObjectNode body, Set<String> allowed) {
    body.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        throw HttpProblem.badRequest("unknown field '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
            + "' in the body; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    });
  }

  private static Response createdAt(HttpCall call, CreateResult r) {
    return Response.json(201, JsonViews.created(r)).withETag(r.ov())
        .with("Location", call.collectionPath() + "/items/" + r.id());
  }

  /** Runs the write; if it was queued for retry, answers 202 with where to follow the op. */
  private Response queuedOr(HttpCall call, Op op, Optional<String> itemId, Supplier<Response> write) {
    try {
      return write.get();
    } catch (QueuedForRetryException e) {
      Optional<String> id = itemId.or(() -> queuedItemId(call, e.requestId()));
      queued.remember(new QueuedWrites.Entry(e.requestId(), call.collection(), op, id));
      ObjectNode body = JsonValues.NODES.objectNode();
      body.put("requestId", e.requestId()).put("status", "pending").put("op", op.name());
      id.ifPresent(i -> body.put("id", i));
      body.put("detail", "the write failed transiently and is queued for retry; follow it at /v1/ops/"
          + e.requestId() + ", or repeat it with Idempotency-Key: " + e.requestId() + " for its result once done");
      return Response.json(202, body).with("Location", "/v1/ops/" + e.requestId());
    }
  }

  /** A queued create's generated id, read from the queue (only on this rare path). */
  private Optional<String> queuedItemId(HttpCall call, String requestId) {
    return udm.fallback().flatMap(f -> f.getPendingOps(FallbackFilter.of(call.collection()), 1000).stream()
        .filter(p -> p.requestId().equals(requestId)).findFirst()).flatMap(p -> p.itemId());
  }
}
