package io.udm.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@link Endpoint} of a method and raw path: 404 for no route, 405 for a wrong method. */
final class Router {
  /** A request's route and its decoded path segments. */
  record Match(Endpoint endpoint, List<String> segments) {
    String parameter(String name) {
      return endpoint.parameter(segments, name);
    }
  }

  private Router() {}

  static Match route(String method, String rawPath) {
    List<String> segments = segments(rawPath);
    // HEAD is GET without the body (RFC 9110 9.3.2): the GET route answers it, and send() drops the body.
    String served = "HEAD".equals(method) ? "GET" : method;
    List<String> allowed = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.matchesPath(segments)) {
        if (endpoint.method().equals(served)) {
          return new Match(endpoint, segments);
        }
        allowed.add(endpoint.method());
        if (endpoint.method().equals("GET")) {
          allowed.add("HEAD");
        }
      }
    }
    if (allowed.isEmpty()) {
      throw HttpProblem.notFound("no resource at this path; the resources are listed in /v1/openapi.yaml");
    }
    throw HttpProblem.methodNotAllowed(method, allowed);
  }

  /**
   * The path's segments, each percent-decoded as strict UTF-8. Empty segments (a doubled or
   * trailing slash) are kept, so such paths match no route instead of aliasing one.
   */
  static List<String> segments(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw HttpProblem.badRequest("the request path must start with '/'");
    }
    List<String> out = new ArrayList<>();
    for (String raw : rawPath.substring(1).split("/", -1)) {
      out.add(decode(raw));
    }
    return out;
  }

  /** Percent-decoding of one path segment ({@code +} stays a plus, as in any path). */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw HttpProblem.badRequest("the path has an incomplete percent-escape; write %XX with two hex digits");
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw HttpProblem.badRequest("the path has an invalid percent-escape; write %XX with two hex digits");
        }
        bytes.put((byte) (high << 4 | low));
        i += 2;
      } else {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw HttpProblem.badRequest("the path's percent-escapes are not valid UTF-8");
    }
  }
}
