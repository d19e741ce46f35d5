package io.udm.adapter.mongo;

/**
 * Rule names as field names of the {@code rules} sub-document. A dot would be read as a path and a
 * leading {@code $} as an operator, so names are stored with a prefix and {@code % . $} escaped;
 * any name round-trips, the empty one included.
 */
final class RuleFieldNames {
  private static final String PREFIX = "r_";

  private RuleFieldNames() {}

  static String encode(String ruleName) {
    return PREFIX + ruleName.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
  }

  static String decode(String field) {
    String escaped = field.startsWith(PREFIX) ? field.substring(PREFIX.length()) : field;
    return escaped.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
  }
}
