package io.udm.domain.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.RestoreTarget;
import io.udm.api.WriteOptions;
import io.udm.api.json.JsonValues;
import io.udm.domain.restore.RestorePoint;
import io.udm.spi.ItemKey;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One write, whole: which item, what to change, and the caller's options. The write pipeline
 * needs nothing else: it reads the committed state the request {@linkplain #reads() needs},
 * and the domain plans the version from both ({@link VersionPlanner#plan}).
 *
 * <p>Each kind knows what makes two requests the same (its {@link #fingerprint()}, checked when a
 * request id is replayed) and which base64 content paths it sends ({@link #sentContentPaths}).
 * Documents are copied in, so a caller changing its object later changes nothing here.
 */
public sealed interface WriteRequest {
  /** The item written. */
  ItemKey key();

  /** Actor, reason, request id and expected ov (a create's object id is already in the key). */
  WriteOptions options();

  Op op();

  /**
   * Whether UDM generated the item's id for this request just now (a create without an object id):
   * such an item has no versions yet, and a replay of its request id is told by collection and body.
   */
  default boolean generatedId() {
    return false;
  }

  /** A write made by a bulk operation (collection restore, enrichment batch). */
  default boolean bulk() {
    return false;
  }

  /** The function that produced an enrichment; empty for every other write. */
  default Optional<String> functionId() {
    return Optional.empty();
  }

  /** What the pipeline reads before planning, besides the item's newest version. */
  default Reads reads() {
    return Reads.NOTHING_MORE;
  }

  /**
   * A digest of what the request asks for: a request id replayed with another request is refused.
   * The digests are those of earlier releases, so replays recorded by them still match.
   */
  String fingerprint();

  /**
   * The configured base64 paths whose values this request sends (and that are therefore decoded):
   * every one for a write that sends a whole document.
   */
  default Set<String> sentContentPaths(Set<String> configured) {
    return configured;
  }

  /** What a write needs to read, beyond the newest version, to be planned. */
  enum Reads {
    NOTHING_MORE,
    /** The live item's current data (delete keeps it, enrich merges into it). */
    CURRENT_DATA,
    /** The state of the version a restore goes back to. */
    RESTORE_SOURCE
  }

  /** A new item at ov 1. */
  record Create(ItemKey key, ObjectNode data, WriteOptions options, boolean generatedId) implements WriteRequest {
    public Create {
      data = data.deepCopy();
    }

    @Override
    public ObjectNode data() {
      return data.deepCopy();
    }

    @Override
    public Op op() {
      return Op.CREATE;
    }

    /** A create under a generated id gets a new id on every call: its replay is told by collection and body. */
    @Override
    public String fingerprint() {
      return RequestFingerprint.of(Op.CREATE, generatedId ? "" : key.objectId(), data);
    }
  }

  /** Full replacement of a live item's data. */
  record Update(ItemKey key, ObjectNode data, WriteOptions options) implements WriteRequest {
    public Update {
      data = data.deepCopy();
    }

    @Override
    public ObjectNode data() {
      return data.deepCopy();
    }

    @Override
    public Op op() {
      return Op.UPDATE;
    }

    @Override
    public String fingerprint() {
      return RequestFingerprint.of(Op.UPDATE, key.objectId(), data);
    }
  }

  /** Logical delete: the live item's data, marked deleted. */
  record Delete(ItemKey key, WriteOptions options) implements WriteRequest {
    @Override
    public Op op() {
      return Op.DELETE;
    }

    @Override
    public Reads reads() {
      return Reads.CURRENT_DATA;
    }

    @Override
    public String fingerprint() {
      return RequestFingerprint.of(Op.DELETE, key.objectId(), JsonValues.NODES.nullNode());
    }

    @Override
    public Set<String> sentContentPaths(Set<String> configured) {
      return Set.of();
    }
  }

  /** A patch deep-merged into the live item, recorded as produced by {@code functionId}. */
  record Enrich(ItemKey key, ObjectNode patch, String function, WriteOptions options, boolean bulk)
      implements WriteRequest {
    public Enrich {
      patch = patch.deepCopy();
    }

    @Override
    public ObjectNode patch() {
      return patch.deepCopy();
    }

    @Override
    public Op op() {
      return Op.ENRICH;
    }

    @Override
    public Optional<String> functionId() {
      return Optional.of(function);
    }

    @Override
    public Reads reads() {
      return Reads.CURRENT_DATA;
    }

    @Override
    public String fingerprint() {
      ObjectNode body = JsonValues.NODES.objectNode().put("functionId", function);
      body.set("patch", patch);
      return RequestFingerprint.of(Op.ENRICH, key.objectId(), body);
    }

    /** Only the configured paths the patch carries: the others keep what the item holds. */
    @Override
    public Set<String> sentContentPaths(Set<String> configured) {
      return configured.stream()
          .filter(path -> JsonValues.at(patch, path).isPresent())
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /**
   * A new version equal to a past state of the item: the version {@code from} names ({@link
   * RestoreTarget.Version} or {@link RestoreTarget.AtInstant}), marked deleted when {@code
   * asDeleted}. A restore that is one item of a collection restore names its {@code run}.
   */
  record Restore(ItemKey key, RestoreTarget from, boolean asDeleted, Optional<CollectionRun> run, WriteOptions options)
      implements WriteRequest {
    public Restore {
      RestorePoint.requireObjectTarget(from);
    }

    /** Restores one item, as {@code ItemOps.restoreObject} asks. */
    public static Restore object(ItemKey key, RestoreTarget from, WriteOptions options) {
      return new Restore(key, from, false, Optional.empty(), options);
    }

    /** One item of a collection restore: to the version {@code fromOv}, or deleted. */
    public static Restore inRun(ItemKey key, long fromOv, boolean asDeleted, CollectionRun run, WriteOptions options) {
      return new Restore(key, RestoreTarget.version(fromOv), asDeleted, Optional.of(run), options);
    }

    @Override
    public Op op() {
      return Op.RESTORE;
    }

    @Override
    public boolean bulk() {
      return run.isPresent();
    }

    @Override
    public Reads reads() {
      return Reads.RESTORE_SOURCE;
    }

    @Override
    public String fingerprint() {
      JsonNode body = run
          .map(r -> (JsonNode) JsonValues.NODES.objectNode()
              .put("restoreRun", r.runId())
              .put("target", RestorePoint.describe(r.target())))
          .orElseGet(() -> JsonValues.NODES.objectNode().put("restore", RestorePoint.describe(from)));
      return RequestFingerprint.of(Op.RESTORE, key.objectId(), body);
    }

    /** A restore sends no base64 values: the content comes from the version it goes back to. */
    @Override
    public Set<String> sentContentPaths(Set<String> configured) {
      return Set.of();
    }
  }

  /** The collection restore an item's restore belongs to: its run id and the collection's target. */
  record CollectionRun(String runId, RestoreTarget target) {}
}
