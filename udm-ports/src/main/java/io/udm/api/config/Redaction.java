package io.udm.api.config;

import java.util.regex.Pattern;

/** Removes credentials from endpoints before they reach a string anyone can see. */
public final class Redaction {
  private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^@/?#]*)@");

  private Redaction() {}

  /** {@code mongodb://user:pw@host} becomes {@code mongodb://***:***@host}; URIs without credentials pass unchanged. */
  public static String mongoUri(String uri) {
    if (uri == null) {
      return null;
    }
    String out = USER_INFO.matcher(uri).replaceFirst("$1***:***@");
    // Credentials may also ride in query options (e.g. authMechanismProperties); drop them.
    return out.replaceAll("(?i)(password|secret|token|authMechanismProperties)=[^&]*", "$1=***");
  }
}
