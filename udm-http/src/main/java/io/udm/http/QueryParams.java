package io.udm.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of one request, decoded once. Unknown and repeated parameters are refused,
 * so a typo ({@code ?limt=5}) is an error instead of being silently ignored; every typed getter
 * refuses a malformed value with a 400 naming the parameter.
 */
final class QueryParams {
  private final Map<String, String> values;

  private QueryParams(Map<String, String> values) {
    this.values = values;
  }

  /** Parses {@code rawQuery} (null when there is none), allowing only {@code allowed} names. */
  static QueryParams parse(String rawQuery, Set<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!allowed.contains(name)) {
          problems.add("unknown query parameter " + shown(name) + (allowed.isEmpty()
              ? "; this resource takes none" : "; allowed here: " + String.join(", ", allowed.stream().sorted().toList())));
        } else if (values.putIfAbsent(name, value) != null) {
          problems.add("query parameter '" + name + "' is given twice; give it once");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw HttpProblem.badRequest(problems);
    }
    return new QueryParams(values);
  }

  Optional<String> string(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Optional<Long> nonNegativeLong(String name) {
    return string(name).map(v -> {
      try {
        long value = Long.parseLong(v);
        if (value >= 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw HttpProblem.badRequest("query parameter '" + name + "' must be a whole number, 0 or more");
    });
  }

  Optional<Integer> positiveInt(String name) {
    return nonNegativeLong(name).map(v -> {
      if (v < 1 || v > Integer.MAX_VALUE) {
        throw HttpProblem.badRequest("query parameter '" + name + "' must be a whole number, 1 or more");
      }
      return v.intValue();
    });
  }

  boolean flag(String name) {
    return string(name).map(v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw HttpProblem.badRequest("query parameter '" + name + "' must be true or false");
    }).orElse(false);
  }

  Optional<Instant> instant(String name) {
    return string(name).map(v -> {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw HttpProblem.badRequest("query parameter '" + name + "' must be an ISO-8601 instant, e.g."
            + " 2025-01-31T12:00:00Z");
      }
    });
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest("the query string has an invalid percent-escape; write %XX with two hex digits");
    }
  }

  /** A caller's parameter name, shortened and quoted for a message. */
  private static String shown(String name) {
    String cut = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
