package io.udm.adapter.memory;

import io.udm.spi.BlobArea;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned URLs of one in-memory store: {@code memory://<store>/<area>/<key>?expires=<ms>&signature=<hmac>}.
 * The HMAC-SHA256 covers the method (GET), store, area, key and expiry with a random key that never
 * leaves the store, so a URL can be neither widened to another key nor extended. Stores register
 * weakly: a URL of a store that is gone resolves to nothing.
 */
final class InMemoryPresigner {
  private static final String SCHEME = "memory";
  private static final Map<String, WeakReference<InMemoryBlobAdapter>> STORES = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A URL's parts, before its signature is checked. */
  record Signed(String store, BlobArea area, String key, long expiresMillis, String signature) {}

  private final String storeId;
  private final SecretKeySpec signingKey;

  private InMemoryPresigner(String storeId, byte[] key) {
    this.storeId = storeId;
    this.signingKey = new SecretKeySpec(key, "HmacSHA256");
  }

  static InMemoryPresigner register(InMemoryBlobAdapter store) {
    STORES.values().removeIf(ref -> ref.get() == null);
    String id = UUID.randomUUID().toString();
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    STORES.put(id, new WeakReference<>(store));
    return new InMemoryPresigner(id, key);
  }

  URI sign(BlobArea area, String key, Instant expires) {
    long expiresMillis = expires.toEpochMilli();
    String query = "expires=" + expiresMillis + "&signature=" + mac(area, key, expiresMillis);
    try {
      return new URI(SCHEME, storeId, "/" + area.name().toLowerCase(Locale.ROOT) + "/" + key, query, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot build a URL for key " + key, e);
    }
  }

  static Signed verifyShape(URI url) {
    if (url == null || !SCHEME.equals(url.getScheme()) || url.getHost() == null || url.getPath() == null
        || url.getQuery() == null) {
      throw new IllegalArgumentException("not a presigned URL of an in-memory store: " + url);
    }
    String path = url.getPath();
    int slash = path.indexOf('/', 1);
    if (slash < 0) {
      throw new IllegalArgumentException("the URL names no object: " + url);
    }
    BlobArea area;
    try {
      area = BlobArea.valueOf(path.substring(1, slash).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the URL names no storage area: " + url, e);
    }
    String expires = null;
    String signature = null;
    for (String pair : url.getQuery().split("&")) {
      if (pair.startsWith("expires=")) {
        expires = pair.substring("expires=".length());
      } else if (pair.startsWith("signature=")) {
        signature = pair.substring("signature=".length());
      } else {
        throw new IllegalArgumentException("the URL carries an unknown parameter: " + url);
      }
    }
    if (expires == null || signature == null || !expires.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("the URL lacks a valid expiry or signature: " + url);
    }
    return new Signed(url.getHost(), area, path.substring(slash + 1), Long.parseLong(expires), signature);
  }

  static InMemoryBlobAdapter storeOf(Signed signed) {
    WeakReference<InMemoryBlobAdapter> ref = STORES.get(signed.store());
    InMemoryBlobAdapter store = ref == null ? null : ref.get();
    if (store == null) {
      throw new IllegalArgumentException("the URL's in-memory store is gone");
    }
    return store;
  }

  void verify(Signed signed, Instant now) {
    byte[] expected = mac(signed.area(), signed.key(), signed.expiresMillis()).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signed.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw new IllegalArgumentException("the URL's signature does not match: it was changed after signing");
    }
    if (now.toEpochMilli() >= signed.expiresMillis()) {
      throw new IllegalArgumentException("the URL expired at " + Instant.ofEpochMilli(signed.expiresMillis()));
    }
  }

  private String mac(BlobArea area, String key, long expiresMillis) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(signingKey);
      String canonical = "GET\n" + storeId + "\n" + area.name() + "\n" + key + "\n" + expiresMillis;
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
