package io.udm.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.DeadLetterOp;
import io.udm.api.FallbackApi;
import io.udm.api.FallbackFilter;
import io.udm.api.Names;
import io.udm.api.PendingOp;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.json.JsonValues;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/ops/{requestId}}: where a write answered with 202 stands. {@code pending} while
 * it is queued, {@code failed} once dead-lettered, {@code done} once it left the queue otherwise
 * (repeat the write with {@code Idempotency-Key: <requestId>} for its result: a committed request
 * id answers with the first result). A key sees only ops of its tenants: an id another tenant used
 * answers 404, exactly as an id never used.
 */
final class OpStatusHandler {
  /** The queue listings read at most this many ops per scope (the API's maximum). */
  private static final int SCAN = 1000;

  private final Udm udm;
  private final QueuedWrites queued;

  OpStatusHandler(Udm udm, QueuedWrites queued) {
    this.udm = udm;
    this.queued = queued;
  }

  Response handle(HttpCall call) {
    call.noQuery();
    String requestId = call.parameter("requestId");
    Names.requestIdProblem(requestId).ifPresent(p -> {
      throw HttpProblem.badRequest(p);
    });
    // Only the caller's own tenants are looked in: another tenant's use of the id stays unknown.
    Optional<QueuedWrites.Entry> known = queued.find(requestId, call.caller().admin() ? null : call.caller().tenants());
    Optional<FallbackApi> fallback = udm.fallback();
    if (fallback.isPresent()) {
      for (FallbackFilter scope : scopes(call.caller(), known)) {
        Optional<PendingOp> pending = fallback.get().getPendingOps(scope, SCAN).stream()
            .filter(op -> op.requestId().equals(requestId)).findFirst();
        if (pending.isPresent()) {
          return Response.json(200, pending(pending.get()));
        }
        Optional<DeadLetterOp> dead = fallback.get().getDeadLetterOps(scope, SCAN).stream()
            .filter(op -> op.requestId().equals(requestId)).findFirst();
        if (dead.isPresent()) {
          return Response.json(200, failed(dead.get()));
        }
      }
    }
    return known.map(entry -> Response.json(200, done(entry)))
        .orElseThrow(() -> HttpProblem.notFound("no queued op has request id '" + requestId + "' in the tenants"
            + " this key reaches"));
  }

  /** Where to look: the op's own collection when known, else every tenant the caller reaches. */
  private static List<FallbackFilter> scopes(Caller caller, Optional<QueuedWrites.Entry> known) {
    if (known.isPresent()) {
      return List.of(FallbackFilter.of(known.get().collection()));
    }
    if (caller.admin()) {
      return List.of(FallbackFilter.all());
    }
    return caller.tenants().stream().sorted()
        .map(t -> new FallbackFilter(Optional.of(t), Optional.empty(), Optional.empty(), Optional.empty()))
        .toList();
  }

  private static ObjectNode pending(PendingOp op) {
    ObjectNode out = common(op.requestId(), "pending", op.context(), op.op().name(), op.itemId());
    out.put("attempts", op.attempts()).put("enqueuedAt", op.enqueuedAt().toString())
        .put("nextAttemptAt", op.nextAttemptAt().toString());
    op.lastError().ifPresent(e -> out.put("lastError", e));
    return out;
  }

  private static ObjectNode failed(DeadLetterOp op) {
    ObjectNode out = common(op.requestId(), "failed", op.context(), op.op().name(), op.itemId());
    out.put("attempts", op.attempts()).put("failedAt", op.failedAt().toString()).put("lastError", op.lastError())
        .put("deadLetterId", op.deadLetterId());
    return out;
  }

  private static ObjectNode done(QueuedWrites.Entry entry) {
    return common(entry.requestId(), "done", entry.collection(), entry.op().name(), entry.itemId());
  }

  private static ObjectNode common(String requestId, String status, RouteContext ctx, String op, Optional<String> itemId) {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("requestId", requestId).put("status", status).put("op", op)
        .put("tenant", ctx.tenantId()).put("db", ctx.dbName()).put("collection", ctx.collection());
    itemId.ifPresent(id -> out.put("id", id)
        .put("location", "/v1/t/" + ctx.tenantId() + "/" + ctx.dbName() + "/" + ctx.collection() + "/items/" + id));
    return out;
  }
}
