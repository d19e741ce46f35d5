package io.udm.api.config;

import io.udm.api.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of connection settings: MongoDB connection strings, S3 endpoints, S3 bucket names. A
 * problem shows a URI only redacted, and shows nothing of a value that is not even shaped like a
 * URI (it might be a password pasted into the wrong field).
 */
final class ConnectionChecks {
  private static final String MONGO = "mongodb://";
  private static final String MONGO_SRV = "mongodb+srv://";
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");
  /** Characters the driver requires percent-encoded in user info; one ':' separates user and password. */
  private static final Pattern USER_INFO_RESERVED = Pattern.compile("[@/?#\\[\\]]|:.*:");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private ConnectionChecks() {}

  static Optional<String> mongoUriProblem(String uri) {
    if (uri.isBlank()) {
      return Optional.of("must not be blank; use e.g. mongodb://localhost:27017");
    }
    boolean srv = uri.startsWith(MONGO_SRV);
    if (!srv && !uri.startsWith(MONGO)) {
      return Optional.of("must start with mongodb:// or mongodb+srv:// (found " + schemeOf(uri) + ")");
    }
    String shown = "'" + Redaction.mongoUri(uri) + "'";
    if (uri.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of(shown + " contains whitespace; remove it (encode it as %20 inside a password)");
    }
    String rest = uri.substring(srv ? MONGO_SRV.length() : MONGO.length());
    // A password may hold '/' or '?' unescaped: the host list starts after the last '@'.
    int at = rest.lastIndexOf('@');
    if (at >= 0 && USER_INFO_RESERVED.matcher(rest.substring(0, at)).find()) {
      return Optional.of(shown + ": the user name and password must be URL-encoded"
          + " (e.g. '@' as %40, '/' as %2F, ':' inside the password as %3A)");
    }
    String hostList = rest.substring(at + 1).split("[/?]", 2)[0];
    if (hostList.isEmpty()) {
      return Optional.of(shown + " names no host; use e.g. mongodb://host:27017");
    }
    String[] hosts = hostList.split(",", -1);
    if (srv && (hosts.length != 1 || hosts[0].contains(":"))) {
      return Optional.of(shown + ": mongodb+srv:// takes exactly one host name and no port");
    }
    for (String host : hosts) {
      Optional<String> problem = hostProblem(host);
      if (problem.isPresent()) {
        return Optional.of(shown + " " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> hostProblem(String host) {
    if (host.isEmpty()) {
      return Optional.of("has an empty host in its host list; separate hosts with single commas");
    }
    int colon = host.lastIndexOf(':');
    if (colon < 0 || host.endsWith("]")) {
      return Optional.empty();
    }
    String port = host.substring(colon + 1);
    if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      return Optional.of("has an invalid port; use a number from 1 to 65535 (a password belongs before an '@')");
    }
    return Optional.empty();
  }

  static Optional<String> endpointProblem(String endpoint) {
    if (endpoint.isBlank()) {
      return Optional.of("must not be blank; use e.g. https://nyc3.digitaloceanspaces.com or http://127.0.0.1:9000");
    }
    String shown = "'" + Redaction.url(endpoint) + "'";
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      return Optional.of(shown + " is not a valid URL; use e.g. https://nyc3.digitaloceanspaces.com");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http:// or https:// URL (found " + schemeOf(endpoint) + ")");
    }
    if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      return Optional.of(shown + " must not contain credentials; put them in accessKey and secretKey");
    }
    if (uri.getHost() == null) {
      return Optional.of(shown + " names no valid host; use e.g. https://nyc3.digitaloceanspaces.com");
    }
    return Optional.empty();
  }

  /** The rules S3 (and S3-compatible stores) enforce for bucket names. */
  static Optional<String> bucketNameProblem(String name) {
    String rule = "use 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit";
    if (!BUCKET.matcher(name).matches()) {
      return Optional.of(Names.show(name) + " is not a valid S3 bucket name; " + rule);
    }
    if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
      return Optional.of(Names.show(name) + " is not a valid S3 bucket name: no '..', '.-' or '-.'; " + rule);
    }
    if (IP_ADDRESS.matcher(name).matches()) {
      return Optional.of(Names.show(name) + " is not a valid S3 bucket name: it must not look like an IP address");
    }
    if (name.startsWith("xn--") || name.startsWith("sthree-") || name.endsWith("-s3alias") || name.endsWith("--ol-s3")) {
      return Optional.of(Names.show(name) + " is not a valid S3 bucket name: the prefixes xn-- and sthree-"
          + " and the suffixes -s3alias and --ol-s3 are reserved");
    }
    return Optional.empty();
  }

  /** Only the scheme of a malformed value: the rest might be a secret pasted into the wrong field. */
  private static String schemeOf(String value) {
    var scheme = SCHEME.matcher(value);
    return scheme.lookingAt() ? "'" + scheme.group(1) + "://...'" : "a value without a scheme";
  }
}
