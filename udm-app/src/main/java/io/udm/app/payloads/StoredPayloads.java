package io.udm.app.payloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.StorageException;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.SystemHeaders;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one way UDM reads a version's stored JSON, wherever it is kept: inside the version record
 * (and its head) when it was small enough to be inline, or in the JSON bucket. Callers never ask
 * which.
 */
public final class StoredPayloads {
  private StoredPayloads() {}

  /** The stored JSON of {@code v} as written, or empty when its object is missing. */
  public static Optional<byte[]> bytes(BlobStore blobs, VersionRecord v) {
    if (v.inlinePayload().isPresent()) {
      return Optional.of(v.inlinePayload().get().getBytes(StandardCharsets.UTF_8));
    }
    return blobs.get(BlobArea.JSON, v.payloadKey());
  }

  /** The stored JSON of {@code v}; a missing object is damage ({@link StorageException}). */
  public static JsonNode read(BlobStore blobs, VersionRecord v) {
    return v.inlinePayload().map(StoredPayloads::parse)
        .orElseGet(() -> fromObjectStore(blobs, v.key(), v.ov(), v.payloadKey()));
  }

  /** The stored JSON of the version {@code h} points to; a missing object is damage. */
  public static JsonNode read(BlobStore blobs, HeadRecord h) {
    return h.inlinePayload().map(StoredPayloads::parse)
        .orElseGet(() -> fromObjectStore(blobs, h.key(), h.ov(), h.payloadKey()));
  }

  /**
   * The caller's data of a version read a moment ago, or empty when the version itself is gone
   * since (a hard delete or retention took it with its payload). A version that is still there
   * without its payload is damage: {@link StorageException}.
   */
  public static Optional<ObjectNode> userDataIfKept(BackendPorts backend, VersionRecord v) {
    return userDataIfKept(backend, v.key(), v.ov(), v.payloadKey(), v.inlinePayload());
  }

  /** {@link #userDataIfKept(BackendPorts, VersionRecord)} of the version a head read a moment ago points to. */
  public static Optional<ObjectNode> userDataIfKept(BackendPorts backend, HeadRecord h) {
    return userDataIfKept(backend, h.key(), h.ov(), h.payloadKey(), h.inlinePayload());
  }

  private static Optional<ObjectNode> userDataIfKept(BackendPorts backend, ItemKey key, long ov, String payloadKey,
      Optional<String> inlinePayload) {
    if (inlinePayload.isPresent()) {
      return Optional.of(SystemHeaders.userData(parse(inlinePayload.get())));
    }
    Optional<byte[]> bytes = backend.blobs().get(BlobArea.JSON, payloadKey);
    if (bytes.isPresent()) {
      return Optional.of(SystemHeaders.userData(JsonValues.fromBytes(bytes.get())));
    }
    if (backend.versions().find(key, ov).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(SystemHeaders.userData(fromObjectStore(backend.blobs(), key, ov, payloadKey)));
  }

  /** The caller's data a committed version holds: its payload without {@code _system}. */
  public static ObjectNode userData(BackendPorts backend, VersionRecord v) {
    return SystemHeaders.userData(read(backend.blobs(), v));
  }

  private static JsonNode parse(String storedJson) {
    return JsonValues.fromBytes(storedJson.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode fromObjectStore(BlobStore blobs, ItemKey key, long ov, String payloadKey) {
    byte[] bytes = blobs.get(BlobArea.JSON, payloadKey)
        .orElseThrow(() -> new StorageException(
            "the payload of item " + key + " ov " + ov + " is missing from object storage (key " + payloadKey
                + "); run maintenance().verify for the collection and restore the object from a backup",
            false));
    return JsonValues.fromBytes(bytes);
  }
}
