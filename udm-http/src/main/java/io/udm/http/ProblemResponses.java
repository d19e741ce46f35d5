package io.udm.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ExternalizationException;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.RouteMismatchException;
import io.udm.api.error.StorageException;
import io.udm.api.error.TxnException;
import io.udm.api.error.UdmException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem documents ({@code application/problem+json}: type, title, status, detail, plus
 * {@code problems} for invalid input) for every refusal and failure. UDM's messages say what was
 * wrong without secrets, so they become the detail; anything unexpected gets a generic detail and
 * never a stack trace.
 */
final class ProblemResponses {
  static final String TYPE_PREFIX = "https://udm.io/problems/";

  private ProblemResponses() {}

  static Response of(HttpProblem p) {
    return problem(p.status(), p.title(), p.getMessage(), p.problems(), p.headers());
  }

  /**
   * The response for an exception of the API. {@code conditional} says whether the request carried
   * If-Match or If-None-Match, which turns a version conflict into 412 Precondition Failed.
   */
  static Response of(UdmException e, boolean conditional) {
    if (e instanceof ValidationException v) {
      return problem(400, "Invalid request", v.getMessage(), v.problems(), Map.of());
    }
    if (e instanceof ExternalizationException x) {
      return problem(400, "Invalid content", x.getMessage(), x.problems(), Map.of());
    }
    if (e instanceof NotFoundException) {
      return problem(404, "Not found", e.getMessage(), List.of(), Map.of());
    }
    if (e instanceof OptimisticLockException lock) {
      Response r = conditional
          ? problem(412, "Precondition failed", lock.getMessage(), List.of(), Map.of())
          : problem(409, "Conflict", lock.getMessage(), List.of(), Map.of());
      ObjectNode body = (ObjectNode) JsonValues.fromBytes(r.body());
      body.put("expectedOv", lock.expectedOv()).put("actualOv", lock.actualOv());
      return Response.problem(r.status(), body, Map.of());
    }
    if (e instanceof TxnException) {
      return problem(409, "Conflict", e.getMessage(), List.of(), Map.of("Retry-After", "1"));
    }
    if (e instanceof StorageException s) {
      return problem(503, "Storage unavailable", s.getMessage(), List.of(),
          s.isTransient() ? Map.of("Retry-After", "1") : Map.of());
    }
    if (e instanceof RouteMismatchException) {
      return problem(503, "Storage unavailable", e.getMessage(), List.of(), Map.of());
    }
    return problem(500, "Internal error", e.getMessage(), List.of(), Map.of());
  }

  /** For anything that is not UDM's: nothing of the exception reaches the caller. */
  static Response unexpected() {
    return problem(500, "Internal error", "the server failed unexpectedly; the failure is logged", List.of(), Map.of());
  }

  static Response problem(int status, String title, String detail, List<String> problems, Map<String, String> headers) {
    ObjectNode body = JsonValues.NODES.objectNode();
    body.put("type", TYPE_PREFIX + status);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail == null ? title : detail);
    if (!problems.isEmpty()) {
      problems.forEach(body.putArray("problems")::add);
    }
    return Response.problem(status, body, headers);
  }
}
