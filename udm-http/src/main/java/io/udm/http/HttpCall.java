package io.udm.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ItemOps;
import io.udm.api.Names;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One request as the handlers see it: its route, caller, headers, query and body. */
final class HttpCall {
  private final IncomingRequest request;
  private final Router.Match match;
  private final Caller caller;
  private final JsonBodies bodies;

  HttpCall(IncomingRequest request, Router.Match match, Caller caller, JsonBodies bodies) {
    this.request = request;
    this.match = match;
    this.caller = caller;
    this.bodies = bodies;
  }

  Endpoint endpoint() {
    return match.endpoint();
  }

  Caller caller() {
    return caller;
  }

  String parameter(String name) {
    return match.parameter(name);
  }

  /** The collection the path names, validated (400 on a bad name). */
  RouteContext collection() {
    return RouteContext.of(parameter("tenant"), parameter("db"), parameter("collection"));
  }

  ItemOps items(Udm udm) {
    return udm.with(collection());
  }

  /** The item id of the path, validated (400 on a bad id). */
  String itemId() {
    return Names.requireObjectId(parameter("id"));
  }

  /** The path prefix of this request's collection, for Location headers. */
  String collectionPath() {
    return "/v1/t/" + parameter("tenant") + "/" + parameter("db") + "/" + parameter("collection");
  }

  QueryParams query(Set<String> allowed) {
    return QueryParams.parse(request.rawQuery(), allowed);
  }

  /** Refuses any query parameter (resources that take none). */
  void noQuery() {
    query(Set.of());
  }

  Optional<String> header(String name) {
    return request.header(name);
  }

  /**
   * The JSON object body. Only JSON media types are accepted: a browser cannot send them
   * cross-origin without a CORS preflight, so a web page cannot forge writes to a local server.
   */
  ObjectNode body() {
    String type = header("Content-Type").orElse("(none)");
    String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      throw HttpProblem.unsupportedMediaType(type.length() > 60 ? type.substring(0, 60) + "..." : type);
    }
    return bodies.readObject(request.body());
  }

  /** Whether {@code If-None-Match: *} asks to create only when absent. */
  boolean ifNoneMatchAny() {
    return entityTags("If-None-Match").map(EntityTags::any).orElse(false);
  }

  /** The entity tags of a conditional header ({@code If-Match}, {@code If-None-Match}), if sent. */
  Optional<EntityTags> entityTags(String header) {
    return EntityTags.parse(header, request.headerValues(header));
  }

  /** Idempotency-Key: the write's request id, checked like any request id. */
  Optional<String> idempotencyKey() {
    return header("Idempotency-Key").map(String::trim).map(key -> {
      Names.requestIdProblem(key).ifPresent(p -> {
        throw HttpProblem.badRequest("Idempotency-Key: " + p);
      });
      return key;
    });
  }
}
