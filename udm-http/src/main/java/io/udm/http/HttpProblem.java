package io.udm.http;

import java.util.List;
import java.util.Map;

/**
 * A request the HTTP layer refuses itself (bad query parameter, unknown route, missing key, body
 * too large), carried to the one place that writes RFC 9457 problem documents.
 */
final class HttpProblem extends RuntimeException {
  private final int status;
  private final String title;
  private final List<String> problems;
  private final Map<String, String> headers;

  HttpProblem(int status, String title, String detail, List<String> problems, Map<String, String> headers) {
    super(detail, null, false, false); // no stack trace: it is an answer, not a failure
    this.status = status;
    this.title = title;
    this.problems = List.copyOf(problems);
    this.headers = Map.copyOf(headers);
  }

  static HttpProblem badRequest(String detail) {
    return new HttpProblem(400, "Invalid request", detail, List.of(detail), Map.of());
  }

  static HttpProblem badRequest(List<String> problems) {
    return new HttpProblem(400, "Invalid request", String.join("; ", problems), problems, Map.of());
  }

  static HttpProblem unauthorized(String detail) {
    return new HttpProblem(401, "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"udm\""));
  }

  static HttpProblem forbidden(String detail) {
    return new HttpProblem(403, "Forbidden", detail, List.of(), Map.of());
  }

  static HttpProblem notFound(String detail) {
    return new HttpProblem(404, "Not found", detail, List.of(), Map.of());
  }

  static HttpProblem methodNotAllowed(String method, List<String> allowed) {
    return new HttpProblem(405, "Method not allowed", method + " is not allowed here; use " + String.join(", ", allowed),
        List.of(), Map.of("Allow", String.join(", ", allowed)));
  }

  static HttpProblem preconditionFailed(String detail) {
    return new HttpProblem(412, "Precondition failed", detail + "; read the item for its current ETag",
        List.of(), Map.of());
  }

  static HttpProblem tooLarge(long max) {
    return new HttpProblem(413, "Request body too large", "the request body is larger than " + max
        + " bytes (http.maxBodyBytes); send less, or raise the limit", List.of(), Map.of("Connection", "close"));
  }

  static HttpProblem unsupportedMediaType(String found) {
    return new HttpProblem(415, "Unsupported media type", "the request body must be JSON (Content-Type:"
        + " application/json), found " + found, List.of(), Map.of());
  }

  static HttpProblem overloaded() {
    return overloaded("more requests are waiting than this server queues (http.threads x 32)");
  }

  static HttpProblem overloaded(String why) {
    return new HttpProblem(503, "Service overloaded", why + "; retry in a moment", List.of(),
        Map.of("Retry-After", "1", "Connection", "close"));
  }

  static HttpProblem stopping() {
    return new HttpProblem(503, "Service stopping", "the server is shutting down; retry on another instance or"
        + " once it is back", List.of(), Map.of("Retry-After", "1", "Connection", "close"));
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  List<String> problems() {
    return problems;
  }

  Map<String, String> headers() {
    return headers;
  }
}
