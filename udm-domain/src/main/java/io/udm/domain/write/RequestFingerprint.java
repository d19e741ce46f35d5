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
      sha.update(JsonValues.toBytes(canonical(body)));
    }
    return Sha256.finishHex(sha);
  }

  /** Key order does not change what a request means. */
  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      var sorted = JsonValues.NODES.objectNode();
      var names = new java.util.TreeSet<String>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        sorted.set(name, canonical(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      var out = JsonValues.NODES.arrayNode();
      node.forEach(child -> out.add(canonical(child)));
      return out;
    }
    return node;
  }
}
