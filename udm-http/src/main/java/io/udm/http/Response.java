package io.udm.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and body, written to the exchange in one place. */
record Response(int status, Map<String, String> headers, byte[] body) {
  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  Response {
    headers = Map.copyOf(headers);
  }

  static Response json(int status, JsonNode body) {
    return new Response(status, Map.of("Content-Type", JSON), jsonLine(body));
  }

  static Response problem(int status, JsonNode body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", PROBLEM_JSON);
    return new Response(status, all, jsonLine(body));
  }

  /** JSON text ending in a newline, so that a shell prompt after curl starts on its own line. */
  private static byte[] jsonLine(JsonNode body) {
    byte[] json = JsonValues.toBytes(body);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    return line;
  }

  static Response text(int status, String contentType, String body) {
    return new Response(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
  }

  static Response empty(int status, Map<String, String> headers) {
    return new Response(status, headers, new byte[0]);
  }

  /** This response with one more header. */
  Response with(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new Response(status, all, body);
  }

  /** An entity tag for an item version: {@code "ov"}. */
  Response withETag(long ov) {
    return with("ETag", "\"" + ov + "\"");
  }
}
