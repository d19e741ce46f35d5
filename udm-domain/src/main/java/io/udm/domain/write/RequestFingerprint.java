package io.udm.domain.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.Op;
import io.udm.api.json.JsonValues;
import io.udm.domain.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A digest of what a request asks for, so replaying a request id with a different body is told
 * apart from a true replay.
 */
public final class RequestFingerprint {
  private RequestFingerprint() {}

  public static String of(Op op, String objectId, JsonNode body) {
    MessageDigest sha = Sha256.newDigest();
    sha.update(op.name().getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(objectId.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    if (body != null) {
      // Key order does not change what a request means.
      sha.update(JsonValues.toBytes(JsonValues.canonical(body)));
    }
    return Sha256.finishHex(sha);
  }
}
