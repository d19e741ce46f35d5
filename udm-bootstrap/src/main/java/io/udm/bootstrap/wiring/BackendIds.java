package io.udm.bootstrap.wiring;

import io.udm.api.config.Redaction;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.domain.hash.Sha256;
import java.util.ArrayList;
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

  /** The first 5 bytes (10 hex digits) of the SHA-256: short to read, and plenty to tell 10 pairs apart. */
  private static String shortHash(String text) {
    return Sha256.hexOf(text).substring(0, 10);
  }
}
