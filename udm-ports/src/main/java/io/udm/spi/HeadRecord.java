package io.udm.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.SystemHeader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The materialized pointer to an item's newest committed version, with what listings need. A head
 * carries its version's inline payload too, so reading or listing small items reads heads only.
 */
public record HeadRecord(
    ItemKey key,
    long ov,
    long cv,
    Instant at,
    String payloadKey,
    ObjectNode meta,
    SystemHeader system,
    List<ContentRef> content,
    Optional<DevShadow> shadow,
    Optional<String> inlinePayload) {
  public HeadRecord {
    meta = meta.deepCopy();
    content = List.copyOf(content);
    java.util.Objects.requireNonNull(inlinePayload, "inlinePayload");
  }

  /** A head whose version's payload is in object storage. */
  public HeadRecord(ItemKey key, long ov, long cv, Instant at, String payloadKey, ObjectNode meta,
      SystemHeader system, List<ContentRef> content, Optional<DevShadow> shadow) {
    this(key, ov, cv, at, payloadKey, meta, system, content, shadow, Optional.empty());
  }

  /** The head that points at {@code version}, without a shadow. */
  public static HeadRecord of(VersionRecord version) {
    return new HeadRecord(
        version.key(), version.ov(), version.cv(), version.at(), version.payloadKey(),
        version.meta(), version.system(), version.content(), Optional.empty(), version.inlinePayload());
  }

  @Override
  public ObjectNode meta() {
    return meta.deepCopy();
  }

  public boolean deleted() {
    return system.deleted();
  }

  public HeadRecord withShadow(Optional<DevShadow> newShadow) {
    return new HeadRecord(key, ov, cv, at, payloadKey, meta, system, content, newShadow, inlinePayload);
  }

  /** This head with other indexed values (a reindex; the version it points to stays). */
  public HeadRecord withMeta(ObjectNode newMeta) {
    return new HeadRecord(key, ov, cv, at, payloadKey, newMeta, system, content, shadow, inlinePayload);
  }

  /** Whether the version's payload is carried here (and in its version record) rather than in object storage. */
  public boolean payloadInline() {
    return inlinePayload.isPresent();
  }
}
