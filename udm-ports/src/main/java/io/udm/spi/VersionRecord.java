package io.udm.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.Op;
import io.udm.api.SystemHeader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One committed version in the log (the source of truth). Holds everything a head needs, so a head
 * can always be rebuilt from the newest record. The full JSON is either inside the record ({@link
 * #inlinePayload()}, for payloads up to {@code storage.inlineMaxBytes}) or in the JSON bucket at
 * {@link #payloadKey()}; the key names the version's payload either way.
 *
 * @param requestHash digest of the request that wrote it, so a replay with a different body is
 *     told apart from a true replay
 * @param cvDrawnAt the writer's clock just after it drew the cv (the change feed uses it to know
 *     when a missing cv below this one can no longer commit)
 * @param inlinePayload the stored JSON (UTF-8 text) when it is kept in the record; empty when it is
 *     in object storage
 */
public record VersionRecord(
    ItemKey key,
    long ov,
    long cv,
    Instant at,
    Op op,
    Optional<String> actor,
    Optional<String> reason,
    Optional<String> functionId,
    Optional<String> requestId,
    Optional<String> requestHash,
    String writeId,
    String payloadKey,
    long payloadBytes,
    ObjectNode meta,
    SystemHeader system,
    List<ContentRef> content,
    Instant cvDrawnAt,
    Optional<String> inlinePayload) {
  /** A record whose payload is in object storage. */
  public VersionRecord(ItemKey key, long ov, long cv, Instant at, Op op, Optional<String> actor,
      Optional<String> reason, Optional<String> functionId, Optional<String> requestId,
      Optional<String> requestHash, String writeId, String payloadKey, long payloadBytes, ObjectNode meta,
      SystemHeader system, List<ContentRef> content, Instant cvDrawnAt) {
    this(key, ov, cv, at, op, actor, reason, functionId, requestId, requestHash, writeId, payloadKey, payloadBytes,
        meta, system, content, cvDrawnAt, Optional.empty());
  }

  /** A record whose payload is in object storage and whose cv draw time is not known: taken as its version time. */
  public VersionRecord(ItemKey key, long ov, long cv, Instant at, Op op, Optional<String> actor,
      Optional<String> reason, Optional<String> functionId, Optional<String> requestId,
      Optional<String> requestHash, String writeId, String payloadKey, long payloadBytes, ObjectNode meta,
      SystemHeader system, List<ContentRef> content) {
    this(key, ov, cv, at, op, actor, reason, functionId, requestId, requestHash, writeId, payloadKey, payloadBytes,
        meta, system, content, at, Optional.empty());
  }

  public VersionRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(cvDrawnAt, "cvDrawnAt");
    Objects.requireNonNull(inlinePayload, "inlinePayload");
    if (ov < 1) {
      throw new IllegalArgumentException("ov starts at 1, got " + ov);
    }
    meta = meta.deepCopy();
    content = List.copyOf(content);
  }

  @Override
  public ObjectNode meta() {
    return meta.deepCopy();
  }

  public boolean deleted() {
    return system.deleted();
  }

  /** Whether the payload is inside this record rather than in object storage. */
  public boolean payloadInline() {
    return inlinePayload.isPresent();
  }

  /** This record with its payload kept inside it. */
  public VersionRecord withInlinePayload(String storedJson) {
    return new VersionRecord(key, ov, cv, at, op, actor, reason, functionId, requestId, requestHash, writeId,
        payloadKey, payloadBytes, meta, system, content, cvDrawnAt, Optional.of(storedJson));
  }
}
