package io.udm.http;

import io.udm.api.config.ApiKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <key>} against the configured keys. Keys are compared as
 * SHA-256 digests with {@link MessageDigest#isEqual} and every key is compared on every call, so
 * neither a key's length nor how much of it matched shows in the time an answer takes. Without
 * configured keys every request is {@link Caller#LOCAL} (the server then listens on loopback only).
 */
final class ApiKeyAuthenticator {
  private record Known(byte[] digest, Caller caller) {}

  private static final String BEARER = "Bearer ";

  private final List<Known> keys;

  ApiKeyAuthenticator(List<ApiKey> apiKeys) {
    this.keys = apiKeys.stream()
        .map(k -> new Known(digest(k.key()), new Caller(k.name(), java.util.Set.copyOf(k.tenants()), k.admin())))
        .toList();
  }

  boolean keysConfigured() {
    return !keys.isEmpty();
  }

  /** The caller behind {@code authorization} (the header's value, or null); 401 when there is none. */
  Caller authenticate(String authorization) {
    if (keys.isEmpty()) {
      return Caller.LOCAL;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw HttpProblem.unauthorized("send an API key as Authorization: Bearer <key>");
    }
    byte[] presented = digest(authorization.substring(BEARER.length()).trim());
    Optional<Caller> found = Optional.empty();
    for (Known known : keys) {
      if (MessageDigest.isEqual(known.digest(), presented) && found.isEmpty()) {
        found = Optional.of(known.caller());
      }
    }
    return found.orElseThrow(() -> HttpProblem.unauthorized("the API key is not valid; check the key you send"));
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
