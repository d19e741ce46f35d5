package io.udm.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.ItemView;
import io.udm.api.ReadOptions;
import io.udm.api.config.Base64Prop;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.StorageException;
import io.udm.api.json.JsonValues;
import io.udm.domain.content.ContentCodec;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.ItemKey;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What reads do with an item's content references: put the original values back inline ({@code
 * inlineContent}), and give each reference a presigned GET URL ({@code presignTtl}, cut to {@code
 * limits.maxPresignTtlSeconds}). Only keys under the item's own prefix are ever fetched or signed,
 * and only for GET.
 */
final class ContentReads {
  private final UdmConfig config;
  private final Duration maxTtl;

  ContentReads(UdmConfig config) {
    this.config = config;
    this.maxTtl = Duration.ofSeconds(config.limits().maxPresignTtlSeconds());
  }

  ItemView apply(BackendPorts backend, ItemKey key, ItemView view, ReadOptions opts) {
    if (view.content().isEmpty() || (!opts.inlineContent() && opts.presignTtl().isEmpty())) {
      return view;
    }
    view.content().values().forEach(ref -> requireOwnContent(key, ref));
    ObjectNode data = view.data();
    if (opts.inlineContent()) {
      Map<String, Base64Prop> props = config.collectionMap(key.collection().collection()).base64Props();
      view.content().values().forEach(ref -> JsonValues.put(data, ref.path(), inlineValue(backend, ref,
          Optional.ofNullable(props.get(ref.path())).map(Base64Prop::preferredText).orElse(false))));
    }
    Map<String, ContentRef> refs = new LinkedHashMap<>(view.content());
    opts.presignTtl().ifPresent(requested -> {
      Duration ttl = requested.compareTo(maxTtl) > 0 ? maxTtl : requested;
      refs.replaceAll((path, ref) -> ref.withUrl(presign(backend, ref, ttl)));
    });
    return new ItemView(view.id(), view.ov(), view.cv(), view.at(), data, view.meta(), view.system(), refs,
        view.deleted());
  }

  private static JsonNode inlineValue(BackendPorts backend, ContentRef ref, boolean preferredText) {
    byte[] bytes = backend.blobs().get(BlobArea.CONTENT, ref.key()).orElseThrow(() -> new StorageException(
        "content object " + ref.key() + " of " + ref.path() + " is missing from the content bucket of backend "
            + backend.backendId() + "; run maintenance().verify, and restore the item from a version whose content"
            + " is intact", false));
    return ContentCodec.inlineValue(ref, bytes, preferredText)
        .getOrElseThrow(problem -> new StorageException(problem, false));
  }

  private static URI presign(BackendPorts backend, ContentRef ref, Duration ttl) {
    return backend.blobs().presignGet(BlobArea.CONTENT, ref.key(), ttl).orElseThrow(() -> new StorageException(
        "backend " + backend.backendId() + " cannot presign URLs for content; read with"
            + " ReadOptions.builder().inlineContent(true) instead", false));
  }

  /** A version record names content by key; a key outside the item's prefix is damage, never followed. */
  private static void requireOwnContent(ItemKey key, ContentRef ref) {
    if (!ref.key().startsWith(StorageKeys.itemPrefix(key) + "c/")) {
      throw new StorageException("the version record of " + key + " names content outside the item ("
          + ref.key() + "); it was changed outside UDM. Run maintenance().verify", false);
    }
  }
}
