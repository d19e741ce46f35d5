package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The allowlists for every caller-supplied name that reaches a storage key, a query or a log
 * line. One definition serves the API, the domain and every adapter.
 *
 * <ul>
 *   <li>tenantId, dbName, collection: 1-64 of {@code A-Z a-z 0-9 . _ -}, starting with a letter or
 *       digit, no {@code ..}
 *   <li>objectId, requestId: 1-128 of {@code A-Z a-z 0-9 . _ ~ -}, starting with a letter or
 *       digit, no {@code ..}
 *   <li>functionId: 1-128 of {@code A-Z a-z 0-9 . _ - @ : +}, starting with a letter or digit
 *   <li>actor: 1-256 of {@code A-Z a-z 0-9 . _ - @ : + = , space}, starting with a letter or digit
 *   <li>reason: up to 1024 characters, no control characters
 * </ul>
 */
public final class Names {
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
  private static final Pattern FUNCTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:+-]{0,127}");
  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:+=, -]{0,255}");
  private static final int MAX_REASON = 1024;
  private static final int MAX_SHOWN = 80;

  private Names() {}

  public static Optional<String> tenantIdProblem(String value) {
    return check("tenantId", value, SCOPE, "1-64 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
  }

  public static Optional<String> dbNameProblem(String value) {
    return check("dbName", value, SCOPE, "1-64 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
  }

  public static Optional<String> collectionProblem(String value) {
    return check("collection", value, SCOPE, "1-64 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
  }

  public static Optional<String> objectIdProblem(String value) {
    return check("objectId", value, OBJECT_ID, "1-128 of A-Z a-z 0-9 . _ ~ -, starting with a letter or digit");
  }

  public static Optional<String> requestIdProblem(String value) {
    return check("requestId", value, OBJECT_ID, "1-128 of A-Z a-z 0-9 . _ ~ -, starting with a letter or digit");
  }

  public static Optional<String> functionIdProblem(String value) {
    return check("functionId", value, FUNCTION_ID, "1-128 of A-Z a-z 0-9 . _ - @ : +, starting with a letter or digit");
  }

  public static Optional<String> actorProblem(String value) {
    return check("actor", value, ACTOR, "1-256 of A-Z a-z 0-9 . _ - @ : + = , and space, starting with a letter or digit");
  }

  public static Optional<String> reasonProblem(String value) {
    if (value == null) {
      return Optional.of("reason must not be null");
    }
    if (value.length() > MAX_REASON) {
      return Optional.of("reason is " + value.length() + " characters long; at most " + MAX_REASON + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return Optional.of("reason must not contain control characters (found one at index " + i + ")");
      }
    }
    return Optional.empty();
  }

  /** Throws {@link ValidationException} for an invalid objectId. */
  public static String requireObjectId(String value) {
    objectIdProblem(value).ifPresent(p -> {
      throw new ValidationException(p);
    });
    return value;
  }

  /** Renders caller input for an error message: quoted, truncated, control characters escaped. */
  public static String show(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    int limit = Math.min(value.length(), MAX_SHOWN);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (value.length() > MAX_SHOWN) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }

  static List<String> problems(List<Optional<String>> checks) {
    List<String> found = new ArrayList<>();
    checks.forEach(c -> c.ifPresent(found::add));
    return found;
  }

  private static Optional<String> check(String what, String value, Pattern pattern, String rule) {
    if (value == null) {
      return Optional.of(what + " is required");
    }
    if (!pattern.matcher(value).matches() || value.contains("..")) {
      return Optional.of(what + " " + show(value) + " is invalid: use " + rule + ", without '..'");
    }
    return Optional.empty();
  }
}
