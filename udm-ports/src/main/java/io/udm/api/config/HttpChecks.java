package io.udm.api.config;

import io.udm.api.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for {@code http}: a usable port, body limit and thread count, and API keys that are
 * named once, long enough to resist guessing, distinct, and reach at least one valid tenant (or
 * all, as admin). Messages name keys by {@code name}, never by value.
 */
final class HttpChecks {
  /** Shorter keys can be guessed; 16 characters of a random token are ample. */
  static final int MIN_KEY_LENGTH = 16;
  static final int MAX_THREADS = 1024;
  static final long MIN_BODY_BYTES = 1024;
  static final long MIN_TIMEOUT_MS = 100;
  static final long MAX_TIMEOUT_MS = 3_600_000;

  private final List<Problem> problems = new ArrayList<>();

  private HttpChecks() {}

  static List<Problem> problems(HttpConfig http) {
    HttpChecks checks = new HttpChecks();
    checks.settings(http);
    Set<String> names = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < http.apiKeys().size(); i++) {
      checks.apiKey(ConfigPath.index("http.apiKeys", i), http.apiKeys().get(i), names, keys);
    }
    return checks.problems;
  }

  private void settings(HttpConfig http) {
    if (http.bind().isBlank()) {
      add("http.bind", "must not be blank; use an address to listen on, e.g. 127.0.0.1 (loopback) or 0.0.0.0");
    }
    if (http.port() < 0 || http.port() > 65535) {
      add("http.port", "is " + http.port() + "; use 1 to 65535, or 0 for any free port");
    }
    if (http.maxBodyBytes() < MIN_BODY_BYTES) {
      add("http.maxBodyBytes", "is " + http.maxBodyBytes() + "; use " + MIN_BODY_BYTES + " or more");
    }
    if (http.threads() < 1 || http.threads() > MAX_THREADS) {
      add("http.threads", "is " + http.threads() + "; use 1 to " + MAX_THREADS);
    }
    timeout("http.headerTimeoutMs", http.headerTimeoutMs());
    timeout("http.readTimeoutMs", http.readTimeoutMs());
    http.tls().ifPresent(tls -> {
      if (tls.keyStore().isBlank()) {
        add("http.tls.keyStore", "must not be blank; give the path of a PKCS#12 key store (.p12)");
      }
    });
    if (http.stopTimeoutMs() < 0) {
      add("http.stopTimeoutMs", "is " + http.stopTimeoutMs() + "; use 0 or more");
    }
  }

  private void timeout(String path, long millis) {
    if (millis < MIN_TIMEOUT_MS || millis > MAX_TIMEOUT_MS) {
      add(path, "is " + millis + "; use " + MIN_TIMEOUT_MS + " to " + MAX_TIMEOUT_MS + " (milliseconds)");
    }
  }

  private void apiKey(String path, ApiKey key, Set<String> names, Set<String> keys) {
    if (key.name().isBlank()) {
      add(path + ".name", "must not be blank; name the caller, e.g. svc-a");
    } else if (!names.add(key.name())) {
      add(path + ".name", "'" + key.name() + "' names two keys; give each key its own name");
    }
    if (key.key().length() < MIN_KEY_LENGTH) {
      add(path + ".key", "is shorter than " + MIN_KEY_LENGTH + " characters; use a long random token"
          + " (e.g. openssl rand -hex 32), written as ${ENV_VAR}");
    } else if (!keys.add(key.key())) {
      add(path + ".key", "is the same as another key's; give each caller its own key");
    }
    if (!key.admin() && key.tenants().isEmpty()) {
      add(path + ".tenants", "is empty, so the key reaches nothing; list its tenants, or set admin: true");
    }
    for (int i = 0; i < key.tenants().size(); i++) {
      String at = ConfigPath.index(path + ".tenants", i);
      Names.tenantIdProblem(key.tenants().get(i)).ifPresent(p -> add(at, p));
    }
  }

  private void add(String path, String message) {
    problems.add(Problem.at(path, message));
  }
}
