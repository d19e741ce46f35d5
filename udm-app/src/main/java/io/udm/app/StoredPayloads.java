package io.udm.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.error.StorageException;
import io.udm.api.json.JsonValues;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import io.udm.spi.ItemKey;

/** Reads the JSON payload a version or head points to. */
final class StoredPayloads {
  private StoredPayloads() {}

  static JsonNode read(BlobStore blobs, ItemKey key, long ov, String payloadKey) {
    byte[] bytes = blobs.get(BlobArea.JSON, payloadKey)
        .orElseThrow(() -> new StorageException(
            "the payload of item " + key + " ov " + ov + " is missing from object storage (key " + payloadKey
                + "); run maintenance().verify for the collection and restore the object from a backup",
            false));
    return JsonValues.fromBytes(bytes);
  }
}
