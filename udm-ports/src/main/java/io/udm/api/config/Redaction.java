package io.udm.api.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes credentials from endpoints before they reach a string anyone can see. */
public final class Redaction {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
  private static final Pattern SECRET_OPTION =
      Pattern.compile("(?i)(password|secret|token|authMechanismProperties)=[^&]*");
  private static final Pattern DIGITS = Pattern.compile("[0-9]*");

  private Redaction() {}

  /**
   * {@code mongodb://user:pw@host} becomes {@code mongodb://***:***@host}; URIs without credentials
   * pass unchanged. Works for {@code mongodb+srv://}, URL-encoded and malformed credentials too.
   */
  public static String mongoUri(String uri) {
    return url(uri);
  }

  /**
   * Any URL or connection string with its user info, secret query options and anything that looks
   * like a password (a non-numeric "port") replaced by {@code ***}. Errs on the side of hiding.
   */
  public static String url(String value) {
    if (value == null) {
      return null;
    }
    Matcher scheme = SCHEME.matcher(value);
    int start = scheme.lookingAt() ? scheme.end() : 0;
    String rest = value.substring(start);
    // The last '@' ends the user info even when an unescaped '@' or '/' sits inside a password.
    int at = rest.lastIndexOf('@');
    rest = at >= 0 ? "***:***@" + rest.substring(at + 1) : maskNonNumericPorts(rest);
    return SECRET_OPTION.matcher(value.substring(0, start) + rest).replaceAll("$1=***");
  }

  /** {@code mongodb://user:secret} (the {@code @host} forgotten) would otherwise print the secret as a port. */
  private static String maskNonNumericPorts(String rest) {
    int end = rest.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String[] hosts = rest.substring(0, end).split(",", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hosts.length; i++) {
      String host = hosts[i];
      int colon = host.lastIndexOf(':');
      boolean ipv6 = host.startsWith("[") && host.endsWith("]");
      if (colon >= 0 && !ipv6 && !DIGITS.matcher(host.substring(colon + 1)).matches()) {
        host = host.substring(0, colon + 1) + "***";
      }
      out.append(i > 0 ? "," : "").append(host);
    }
    return out + rest.substring(end);
  }
}
