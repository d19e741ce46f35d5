package io.udm.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.Op;
import io.udm.api.SystemHeader;
import io.udm.api.config.CollectionMap;
import io.udm.domain.document.DocumentRules;
import io.udm.domain.document.MetaExtractor;
import io.udm.domain.document.SchemaProblems;
import io.udm.domain.merge.DeepMerge;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Decides the next version of an item from its current state and a request. Pure: the caller
 * passes the time and the current state, and gets either a rejection or the planned version.
 */
public final class VersionPlanner {
  private final DocumentRules documentRules;

  public VersionPlanner(DocumentRules documentRules) {
    this.documentRules = documentRules;
  }

  /**
   * The version {@code request} makes of the item in {@code state}, or why it may not be written.
   * Pure: the pipeline has read the state and passes the time.
   */
  public Either<WriteRejection, PlannedVersion> plan(
      WriteRequest request, CommittedState state, CollectionMap map, Instant now) {
    String id = request.key().objectId();
    OptionalLong expectedOv = request.options().expectedOv();
    Optional<CurrentState> current = state.current();
    if (request instanceof WriteRequest.Create create) {
      return create(id, current, create.data(), map, expectedOv, now);
    }
    if (request instanceof WriteRequest.Update update) {
      return update(id, current, update.data(), map, expectedOv, now);
    }
    if (request instanceof WriteRequest.Delete) {
      return delete(id, current, state.currentData(), map, expectedOv, now);
    }
    if (request instanceof WriteRequest.Enrich enrich) {
      return enrich(id, current, state.currentData(), enrich.patch(), enrich.function(), map,
          request.key().collection().collection(), expectedOv, now);
    }
    WriteRequest.Restore restore = (WriteRequest.Restore) request;
    if (current.isEmpty()) {
      return Either.left(new WriteRejection.Missing("item '" + id + "' does not exist; nothing to restore"));
    }
    RestoreSource source = state.restoreSource().orElseThrow(() -> new IllegalStateException(
        "a restore is planned with the state it goes back to; the pipeline read none for " + request.key()));
    return restore(id, current, restore.asDeleted() ? source.asDeleted() : source, map, expectedOv, now);
  }

  /** Every problem of a caller's document for this collection; checked before any I/O. */
  public List<String> documentProblems(ObjectNode data, CollectionMap map, String collection) {
    return documentProblems(data, map, collection, List.of());
  }

  /** As above, where {@code heldContentPaths} may also hold the item's content references. */
  public List<String> documentProblems(
      ObjectNode data, CollectionMap map, String collection, List<String> heldContentPaths) {
    Set<String> contentPaths = new LinkedHashSet<>(map.base64Props().keySet());
    contentPaths.addAll(heldContentPaths);
    List<String> problems = new ArrayList<>(documentRules.problems(data, contentPaths));
    if (problems.isEmpty()) {
      problems.addAll(MetaExtractor.missingRequired(data, map.validation().requiredIndexed(), collection));
      problems.addAll(SchemaProblems.of(data, map));
    }
    return problems;
  }

  public Either<WriteRejection, PlannedVersion> create(
      String objectId, Optional<CurrentState> current, ObjectNode data, CollectionMap map,
      OptionalLong expectedOv, Instant now) {
    if (current.isPresent()) {
      return Either.left(new WriteRejection.Stale(objectId, expectedOv.orElse(0), current.get().ov()));
    }
    if (expectedOv.isPresent() && expectedOv.getAsLong() != 0) {
      return Either.left(new WriteRejection.Stale(objectId, expectedOv.getAsLong(), 0));
    }
    SystemHeader header = SystemHeaders.created(now);
    return Either.right(version(1, now, Op.CREATE, data, map, header));
  }

  /** Full replacement of a live item's data. */
  public Either<WriteRejection, PlannedVersion> update(
      String objectId, Optional<CurrentState> current, ObjectNode data, CollectionMap map,
      OptionalLong expectedOv, Instant now) {
    return live(objectId, current, expectedOv, "update")
        .map(state -> {
          Instant at = notBefore(now, state.at());
          return version(state.ov() + 1, at, Op.UPDATE, data, map, SystemHeaders.updated(state.system(), at));
        });
  }

  /** Logical delete: the same data, marked deleted. */
  public Either<WriteRejection, PlannedVersion> delete(
      String objectId, Optional<CurrentState> current, ObjectNode currentData, CollectionMap map,
      OptionalLong expectedOv, Instant now) {
    return live(objectId, current, expectedOv, "delete")
        .map(state -> {
          Instant at = notBefore(now, state.at());
          return version(state.ov() + 1, at, Op.DELETE, currentData, map, SystemHeaders.deleted(state.system(), at));
        });
  }

  /** Every problem of an enrichment patch itself (before it meets the document); checked before any I/O. */
  public List<String> patchProblems(ObjectNode patch, CollectionMap map) {
    if (patch == null) {
      return List.of("the patch must not be null; pass {} to change nothing");
    }
    return documentRules.problems(patch, map.base64Props().keySet());
  }

  /**
   * Enrichment: {@code patch} deep-merged ({@link DeepMerge}) into the live item's data, with
   * {@code functionId} recorded once in {@code _system.functionIds}. The merged document must
   * still satisfy the collection's rules (a patch cannot remove a required indexed prop).
   */
  public Either<WriteRejection, PlannedVersion> enrich(
      String objectId, Optional<CurrentState> current, ObjectNode currentData, ObjectNode patch, String functionId,
      CollectionMap map, String collection, OptionalLong expectedOv, Instant now) {
    return live(objectId, current, expectedOv, "enrich")
        .flatMap(state -> {
          ObjectNode merged = DeepMerge.merge(currentData, patch);
          List<String> problems = documentProblems(merged, map, collection, state.contentPaths());
          if (!problems.isEmpty()) {
            List<String> explained = new ArrayList<>();
            problems.forEach(p -> explained.add("after merging the patch into item '" + objectId + "': " + p));
            return Either.left(new WriteRejection.Invalid(explained));
          }
          Instant at = notBefore(now, state.at());
          return Either.right(version(state.ov() + 1, at, Op.ENRICH, merged, map,
              SystemHeaders.enriched(state.system(), at, functionId)));
        });
  }

  /**
   * A restore: a new version (op RESTORE) whose data and deleted flag equal {@code target}'s. The
   * item keeps its insertion time; its function ids become the target's, since they describe where
   * the restored data came from. Deleted items may be restored (that is how they come back). The
   * data passed the document rules once; only the collection's schema, which may have changed since,
   * is checked again.
   */
  public Either<WriteRejection, PlannedVersion> restore(
      String objectId, Optional<CurrentState> current, RestoreSource target, CollectionMap map,
      OptionalLong expectedOv, Instant now) {
    if (current.isEmpty()) {
      // A missing item is NotFound whatever ov the caller expected: nothing to be stale against.
      return Either.left(new WriteRejection.Missing("item '" + objectId + "' does not exist; nothing to restore"));
    }
    CurrentState state = current.get();
    if (expectedOv.isPresent() && expectedOv.getAsLong() != state.ov()) {
      return Either.left(new WriteRejection.Stale(objectId, expectedOv.getAsLong(), state.ov()));
    }
    List<String> schemaProblems = SchemaProblems.of(target.data(), map);
    if (!schemaProblems.isEmpty()) {
      List<String> explained = new ArrayList<>();
      schemaProblems.forEach(p -> explained.add("restoring item '" + objectId + "' breaks the collection's schema: " + p));
      return Either.left(new WriteRejection.Invalid(explained));
    }
    Instant at = notBefore(now, state.at());
    Optional<Instant> deletedAt = !target.deleted()
        ? Optional.empty()
        : state.deleted() && state.system().deletedAt().isPresent() ? state.system().deletedAt() : Optional.of(at);
    SystemHeader header = new SystemHeader(
        state.system().insertedAt(), at, deletedAt, target.deleted(), target.functionIds());
    return Either.right(version(state.ov() + 1, at, Op.RESTORE, target.data(), map, header, target.content()));
  }

  private static Either<WriteRejection, CurrentState> live(
      String objectId, Optional<CurrentState> current, OptionalLong expectedOv, String verb) {
    if (current.isEmpty()) {
      // A missing item is NotFound whatever ov the caller expected: nothing to be stale against.
      return Either.left(new WriteRejection.Missing(
          "item '" + objectId + "' does not exist; create it first"));
    }
    CurrentState state = current.get();
    if (expectedOv.isPresent() && expectedOv.getAsLong() != state.ov()) {
      return Either.left(new WriteRejection.Stale(objectId, expectedOv.getAsLong(), state.ov()));
    }
    if (state.deleted()) {
      return Either.left(new WriteRejection.Missing(
          "item '" + objectId + "' is deleted (ov " + state.ov() + "); restore it before you " + verb + " it"));
    }
    return Either.right(state);
  }

  /** Version times never go backwards within an item, so as-of reads stay well defined. */
  private static Instant notBefore(Instant now, Instant previous) {
    return now.isBefore(previous) ? previous : now;
  }

  private static PlannedVersion version(
      long ov, Instant at, Op op, ObjectNode data, CollectionMap map, SystemHeader header) {
    return version(ov, at, op, data, map, header, List.of());
  }

  private static PlannedVersion version(long ov, Instant at, Op op, ObjectNode data, CollectionMap map,
      SystemHeader header, List<ContentRef> heldContent) {
    ObjectNode meta = MetaExtractor.extract(data, map.indexedProps());
    return new PlannedVersion(ov, at, op, SystemHeaders.storedDocument(data, header), meta, header, heldContent);
  }
}
