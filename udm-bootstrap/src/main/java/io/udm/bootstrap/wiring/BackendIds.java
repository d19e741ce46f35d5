package io.udm.bootstrap.wiring;

import io.udm.api.config.Redaction;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stable backend ids derived from what a backend pair is (its MongoDB and its object store), not
 * from its position, so reordering the lists does not move collections under rendezvous hashing.
 */
public final class BackendIds {
  private BackendIds() {}

  /** One id per configured pair; a single simulated backend when none is configured. */
  public static List<String> of(UdmConfig config) {
    if (config.mongoUris().isEmpty()) {
      return List.of("memory-0");
    }
    List<String> ids = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < config.mongoUris().size(); i++) {
      SpacesConn s3 = config.spacesConns().get(i);
      String id = "b-" + shortHash(Redaction.mongoUri(config.mongoUris().get(i)) + "|" + s3.endpoint() + "|" + s3.jsonBucket());
      if (!seen.add(id)) {
        throw new ValidationException("backend pair " + i + " repeats an earlier pair (same MongoDB, endpoint and"
            + " jsonBucket); every backend pair must be distinct");
      }
      ids.add(id);
    }
    return ids;
  }

  private static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
