package io.udm.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as received, free of any server library: method, raw path and query, headers (names
 * case-insensitive, every value of repeated headers kept) and the body, already read in full.
 */
record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
  static final byte[] NO_BODY = new byte[0];

  IncomingRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), IncomingRequest::concat));
    headers = copy;
  }

  /** The first value of header {@code name}. */
  Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of header {@code name}, in the order received (a header may be sent more than once). */
  List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  boolean hasHeader(String name) {
    return headers.containsKey(name);
  }

  /** This request with {@code bytes} as its body. */
  IncomingRequest withBody(byte[] bytes) {
    return new IncomingRequest(method, rawPath, rawQuery, headers, bytes);
  }

  /** Method and path only: headers carry API keys, and bodies user data. */
  @Override
  public String toString() {
    return method + " " + rawPath;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
