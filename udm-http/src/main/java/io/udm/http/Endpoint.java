package io.udm.http;

import java.util.List;

/**
 * Every route the server serves: a method and a path template whose {@code {name}} segments are
 * parameters. The OpenAPI document lists exactly these (a test holds the two to each other).
 */
enum Endpoint {
  CREATE_ITEM("POST", "/v1/t/{tenant}/{db}/{collection}/items"),
  LIST_ITEMS("GET", "/v1/t/{tenant}/{db}/{collection}/items"),
  GET_ITEM("GET", "/v1/t/{tenant}/{db}/{collection}/items/{id}"),
  PUT_ITEM("PUT", "/v1/t/{tenant}/{db}/{collection}/items/{id}"),
  DELETE_ITEM("DELETE", "/v1/t/{tenant}/{db}/{collection}/items/{id}"),
  ENRICH_ITEM("POST", "/v1/t/{tenant}/{db}/{collection}/items/{id}/enrich"),
  RESTORE_ITEM("POST", "/v1/t/{tenant}/{db}/{collection}/items/{id}/restore"),
  ITEM_HISTORY("GET", "/v1/t/{tenant}/{db}/{collection}/items/{id}/history"),
  ITEM_DIFF("GET", "/v1/t/{tenant}/{db}/{collection}/items/{id}/diff"),
  CHANGES("GET", "/v1/t/{tenant}/{db}/{collection}/changes"),
  OP_STATUS("GET", "/v1/ops/{requestId}"),
  HEALTH("GET", "/v1/health"),
  OPENAPI("GET", "/v1/openapi.yaml"),
  /** Prometheus' conventional path, outside /v1: scrapers expect it there. */
  METRICS("GET", "/metrics");

  private final String method;
  private final String template;
  private final List<String> segments;

  Endpoint(String method, String template) {
    this.method = method;
    this.template = template;
    this.segments = List.of(template.substring(1).split("/"));
  }

  String method() {
    return method;
  }

  String template() {
    return template;
  }

  /** Whether this route's path has a collection in it, so that a key must reach its tenant. */
  boolean tenantScoped() {
    return segments.contains("{tenant}");
  }

  /** Whether {@code decoded} path segments fit this template (parameters match any segment). */
  boolean matchesPath(List<String> decoded) {
    if (decoded.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String part = segments.get(i);
      String given = decoded.get(i);
      if (isParameter(part) ? given.isEmpty() : !part.equals(given)) {
        return false;
      }
    }
    return true;
  }

  /** The value of parameter {@code name} in matching {@code decoded} segments. */
  String parameter(List<String> decoded, String name) {
    int at = segments.indexOf("{" + name + "}");
    if (at < 0) {
      throw new IllegalArgumentException(template + " has no parameter " + name);
    }
    return decoded.get(at);
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }
}
