package io.udm.domain.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.Names;
import io.udm.api.config.Base64Prop;
import io.udm.api.json.JsonValues;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.ItemKey;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a collection's configured base64 properties out of a document: each value is decoded,
 * hashed (SHA-256) and replaced by a {@code $content} reference to {@code
 * t/<tenant>/<db>/<collection>/<objectId>/c/<sha256>} in the content bucket. Bytes the item's
 * current version already references are not uploaded again.
 *
 * <p>A configured path may also hold a reference (what a default read returns), so an item read,
 * changed elsewhere and written back keeps its content. Such a reference is accepted only when it
 * is one the write builds on already holds (the current version's, or a restore target's): those
 * blobs are known to exist and stay while a kept version references them, so a reference can never
 * point at another item's content, at a blob garbage collection may remove, or at nothing.
 */
public final class ContentExternalizer {
  private final long maxContentBytes;

  public ContentExternalizer(long maxContentBytes) {
    this.maxContentBytes = maxContentBytes;
  }

  /**
   * @param document the document to store (any {@code _system} header included)
   * @param props the collection's base64 properties by dotted path
   * @param held the references of the item's current version and, for a restore, of its target:
   *     content that is stored and may be referenced again
   * @param sent the configured paths whose values the caller sent with this write (every path for
   *     a create or update, those the patch touches for an enrichment, none for a delete or
   *     restore). Only those are decoded: a value that came from stored state is kept as it is
   *     (a plain value written before its path was configured stays plain), apart from checking
   *     that a reference there is one the item holds.
   * @return every problem found, or the document with references
   */
  public Either<List<String>, ExternalizedDocument> externalize(ItemKey key, ObjectNode document,
      Map<String, Base64Prop> props, Collection<ContentRef> held, Collection<String> sent) {
    if (props.isEmpty() && held.isEmpty()) {
      return Either.right(new ExternalizedDocument(document, List.of(), List.of()));
    }
    Map<String, ContentRef> stored = new LinkedHashMap<>();
    held.forEach(ref -> stored.put(ref.key(), ref));
    List<String> problems = new ArrayList<>();
    List<ContentRef> refs = new ArrayList<>();
    Map<String, ContentBlob> uploads = new LinkedHashMap<>();
    ObjectNode out = document.deepCopy();
    Map<String, Optional<Base64Prop>> paths = new LinkedHashMap<>();
    props.forEach((path, prop) -> paths.put(path, Optional.of(prop)));
    // A path no longer configured keeps the references it holds (a restore of an older version, a
    // delete, an untouched field), so the version record still names the content its document points to.
    held.forEach(ref -> paths.putIfAbsent(ref.path(), Optional.empty()));
    paths.forEach((path, prop) -> {
      Optional<JsonNode> value = JsonValues.at(document, path).filter(v -> !v.isNull());
      if (value.isEmpty()) {
        return;
      }
      Either<String, ContentRef> ref;
      if (prop.isPresent() && sent.contains(path) && value.get().isTextual()) {
        ref = fromBase64(key, path, value.get().textValue(), prop.get(), stored, uploads);
      } else if (prop.isPresent() && sent.contains(path) || ContentRefJson.looksLikeRef(value.get())) {
        ref = fromReference(key, path, value.get(), stored);
      } else {
        return;
      }
      ref.peekLeft(problem -> problems.add("base64 property " + Names.show(path) + " of item '" + key.objectId()
          + "' " + problem))
          .peek(r -> {
            refs.add(r);
            JsonValues.put(out, path, ContentRefJson.toJson(r));
          });
    });
    if (!problems.isEmpty()) {
      return Either.left(List.copyOf(problems));
    }
    return Either.right(new ExternalizedDocument(out, refs, List.copyOf(uploads.values())));
  }

  private Either<String, ContentRef> fromBase64(ItemKey key, String path, String base64, Base64Prop prop,
      Map<String, ContentRef> stored, Map<String, ContentBlob> uploads) {
    // Checked on the length first: an oversized value is refused without being decoded.
    long size = ContentCodec.decodedSize(base64);
    if (size > maxContentBytes) {
      return Either.left("holds " + size + " bytes; at most limits.maxContentBytes = " + maxContentBytes
          + " are allowed per value; store it elsewhere or raise the limit");
    }
    return ContentCodec.decode(base64, prop.preferredText()).flatMap(bytes -> {
      String sha = ContentCodec.sha256Hex(bytes);
      String contentKey = StorageKeys.content(key, sha);
      if (!stored.containsKey(contentKey)) {
        uploads.putIfAbsent(contentKey, new ContentBlob(path, contentKey, sha, prop.contentType(), bytes));
      }
      return Either.right(new ContentRef(path, contentKey, prop.contentType(), bytes.length, sha, Optional.empty()));
    });
  }

  private static Either<String, ContentRef> fromReference(
      ItemKey key, String path, JsonNode value, Map<String, ContentRef> stored) {
    if (!ContentRefJson.looksLikeRef(value)) {
      return Either.left("holds " + JsonValues.describe(value) + "; it must hold a base64 string (or the {\"$content\": ..}"
          + " reference a read of this item returned)");
    }
    return ContentRefJson.parse(path, value).flatMap(ref -> {
      ContentRef known = stored.get(StorageKeys.content(key, ref.sha256()));
      if (known == null || !known.key().equals(ref.key())) {
        return Either.left("holds a reference to content that the item's current version does not hold;"
            + " send the base64 value instead (a reference only keeps content the item has now)");
      }
      // The recorded type and size stand, whatever the caller sent along.
      return Either.right(new ContentRef(path, known.key(), known.contentType(), known.size(), known.sha256(),
          Optional.empty()));
    });
  }

}
