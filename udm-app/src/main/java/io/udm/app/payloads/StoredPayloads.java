package io.udm.app.payloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.StorageException;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.SystemHeaders;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/** Reads the JSON payload a version or head points to. */
public final class StoredPayloads {
  private StoredPayloads() {}

  public static JsonNode read(BlobStore blobs, ItemKey key, long ov, String payloadKey) {
    byte[] bytes = blobs.get(BlobArea.JSON, payloadKey)
        .orElseThrow(() -> new StorageException(
            "the payload of item " + key + " ov " + ov + " is missing from object storage (key " + payloadKey
                + "); run maintenance().verify for the collection and restore the object from a backup",
            false));
    return JsonValues.fromBytes(bytes);
  }

  /**
   * The caller's data of a version read a moment ago, or empty when the version itself is gone
   * since (a hard delete or retention took it with its payload). A version that is still there
   * without its payload is damage: {@link StorageException}.
   */
  public static Optional<ObjectNode> userDataIfKept(BackendPorts backend, VersionRecord v) {
    Optional<byte[]> bytes = backend.blobs().get(BlobArea.JSON, v.payloadKey());
    if (bytes.isPresent()) {
      return Optional.of(SystemHeaders.userData(JsonValues.fromBytes(bytes.get())));
    }
    if (backend.versions().find(v.key(), v.ov()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(userData(backend, v));
  }

  /** The caller's data a committed version holds: its payload without {@code _system}. */
  public static ObjectNode userData(BackendPorts backend, VersionRecord v) {
    return SystemHeaders.userData(read(backend.blobs(), v.key(), v.ov(), v.payloadKey()));
  }
}
