package io.udm.adapter.s3;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that came from the SDK or the server. Some stores echo the access
 * key id in error bodies, and signed URLs or headers carry it, so every foreign string passes here
 * before it reaches a message.
 */
final class CredentialScrubber {
  static final String MASK = "***";

  /** Signing fragments that hold a key id or a signature, whatever the key's value. */
  private static final List<Pattern> SIGNING_FRAGMENTS =
      List.of(
          Pattern.compile("(?i)(X-Amz-Credential=)[^&\\s\"'<]+"),
          Pattern.compile("(?i)(X-Amz-Signature=)[^&\\s\"'<]+"),
          Pattern.compile("(?i)(Credential=)[^,&\\s\"'<]+"),
          Pattern.compile("(?i)(Signature=)[^,&\\s\"'<]+"),
          Pattern.compile("(?i)(AWSAccessKeyId[=:>\\s]+)[^&\\s\"'<]+"),
          Pattern.compile("(?i)(AWS )[A-Za-z0-9+/=_-]+:[A-Za-z0-9+/=_-]+"));

  private final List<String> secrets;

  CredentialScrubber(String accessKey, String secretKey) {
    // Longest first, so a secret containing the access key is masked whole.
    this.secrets =
        java.util.stream.Stream.of(accessKey, secretKey)
            .filter(s -> s != null && !s.isEmpty())
            .sorted((a, b) -> Integer.compare(b.length(), a.length()))
            .toList();
  }

  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    for (Pattern fragment : SIGNING_FRAGMENTS) {
      out = fragment.matcher(out).replaceAll("$1" + MASK);
    }
    return out;
  }

  /** Scrubbed and cut to {@code max} characters, for server-supplied text of unknown length. */
  String scrub(String text, int max) {
    String out = scrub(text);
    if (out == null || out.length() <= max) {
      return out;
    }
    return out.substring(0, max) + "...";
  }
}
