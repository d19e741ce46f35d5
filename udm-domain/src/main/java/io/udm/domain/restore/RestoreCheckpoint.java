package io.udm.domain.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.json.JsonValues;
import io.udm.domain.hash.Sha256;
import io.udm.domain.keys.StorageKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a collection restore has got to, saved in the backups bucket after every page so a rerun
 * resumes instead of starting over. {@code after} is the last object id whose item was handled
 * (items are visited in object id order); the counts cover every item up to it. {@code runId}
 * names the run: every version it appends carries the request id {@link #itemRequestId}, so a
 * rerun recognises the items it restored before a crash and writes none of them twice.
 */
public record RestoreCheckpoint(
    String runId,
    RestoreTarget target,
    Optional<String> requestId,
    Optional<String> after,
    long scanned,
    long restored,
    long unchanged,
    long deleted,
    long pruned,
    boolean done,
    OptionalLong resultCv,
    Instant startedAt,
    Instant updatedAt) {
  public RestoreCheckpoint {
    Objects.requireNonNull(runId, "runId");
    RestorePoint.requireCollectionTarget(target);
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(resultCv, "resultCv");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public static RestoreCheckpoint start(String runId, RestoreTarget target, Optional<String> requestId, Instant now) {
    return new RestoreCheckpoint(runId, target, requestId, Optional.empty(), 0, 0, 0, 0, 0, false,
        OptionalLong.empty(), now, now);
  }

  /** The backups-bucket key of a run: one per collection and request id, or per collection and target. */
  public static String key(RouteContext collection, RestoreTarget target, Optional<String> requestId) {
    String run = requestId.map(id -> "req-" + id).orElseGet(() -> RestorePoint.describe(target));
    return "restores/" + StorageKeys.collectionPrefix(collection) + run + ".json";
  }

  /** The request id of the version this run appends to {@code objectId}: the same on every rerun. */
  public String itemRequestId(String objectId) {
    MessageDigest sha = Sha256.newDigest();
    sha.update(runId.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(objectId.getBytes(StandardCharsets.UTF_8));
    return "restore-" + Sha256.finishHex(sha);
  }

  /** This checkpoint moved past {@code lastObjectId}, with the counts of the items handled since. */
  public RestoreCheckpoint advance(String lastObjectId, Tally tally, Instant now) {
    return new RestoreCheckpoint(runId, target, requestId, Optional.of(lastObjectId),
        scanned + tally.scanned, restored + tally.restored, unchanged + tally.unchanged,
        deleted + tally.deleted, pruned + tally.pruned, false, OptionalLong.empty(), startedAt, now);
  }

  public RestoreCheckpoint finish(long cv, Instant now) {
    return new RestoreCheckpoint(runId, target, requestId, after, scanned, restored, unchanged, deleted, pruned,
        true, OptionalLong.of(cv), startedAt, now);
  }

  /** Counts of one page, added to a checkpoint when the page is done. */
  public static final class Tally {
    private long scanned;
    private long restored;
    private long unchanged;
    private long deleted;
    private long pruned;

    public void restored() {
      scanned++;
      restored++;
    }

    public void unchanged() {
      scanned++;
      unchanged++;
    }

    public void deleted() {
      scanned++;
      deleted++;
    }

    /** Left as it is because its state at the target was pruned: counted unchanged, and reported. */
    public void pruned() {
      unchanged();
      pruned++;
    }

    public long scanned() {
      return scanned;
    }
  }

  public byte[] toBytes() {
    ObjectNode out = JsonValues.NODES.objectNode();
    out.put("format", 1);
    out.put("runId", runId);
    ObjectNode t = out.putObject("target");
    if (target instanceof RestoreTarget.CollectionVersion cv) {
      t.put("cv", cv.cv());
    } else {
      t.put("at", ((RestoreTarget.AtInstant) target).instant().toString());
    }
    requestId.ifPresent(id -> out.put("requestId", id));
    after.ifPresent(a -> out.put("after", a));
    out.put("scanned", scanned);
    out.put("restored", restored);
    out.put("unchanged", unchanged);
    out.put("deleted", deleted);
    out.put("pruned", pruned);
    out.put("done", done);
    resultCv.ifPresent(cv -> out.put("resultCv", cv));
    out.put("startedAt", startedAt.toString());
    out.put("updatedAt", updatedAt.toString());
    return JsonValues.toBytes(out);
  }

  public static RestoreCheckpoint fromBytes(byte[] bytes) {
    JsonNode n = JsonValues.fromBytes(bytes);
    JsonNode t = n.path("target");
    RestoreTarget target = t.has("cv")
        ? RestoreTarget.collectionVersion(t.path("cv").asLong())
        : RestoreTarget.at(Instant.parse(t.path("at").asText()));
    return new RestoreCheckpoint(
        n.path("runId").asText(),
        target,
        text(n, "requestId"),
        text(n, "after"),
        n.path("scanned").asLong(),
        n.path("restored").asLong(),
        n.path("unchanged").asLong(),
        n.path("deleted").asLong(),
        n.path("pruned").asLong(),
        n.path("done").asBoolean(false),
        n.hasNonNull("resultCv") ? OptionalLong.of(n.path("resultCv").asLong()) : OptionalLong.empty(),
        Instant.parse(n.path("startedAt").asText()),
        Instant.parse(n.path("updatedAt").asText()));
  }

  private static Optional<String> text(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.path(field).asText()) : Optional.empty();
  }
}
