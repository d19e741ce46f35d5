package io.udm.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.SystemHeader;
import io.udm.api.config.CollectionMap;
import io.udm.domain.document.DocumentRules;
import io.udm.domain.document.MetaExtractor;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides the next version of an item from its current state and a request. Pure: the caller
 * passes the time and the current state, and gets either a rejection or the planned version.
 */
public final class VersionPlanner {
  private final DocumentRules documentRules;

  public VersionPlanner(DocumentRules documentRules) {
    this.documentRules = documentRules;
  }

  /** Every problem of a caller's document for this collection; checked before any I/O. */
  public List<String> documentProblems(ObjectNode data, CollectionMap map, String collection) {
    List<String> problems = new ArrayList<>(documentRules.problems(data));
    if (problems.isEmpty()) {
      problems.addAll(MetaExtractor.missingRequired(data, map.validation().requiredIndexed(), collection));
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

  private static Either<WriteRejection, CurrentState> live(
      String objectId, Optional<CurrentState> current, OptionalLong expectedOv, String verb) {
    if (current.isEmpty()) {
      if (expectedOv.isPresent() && expectedOv.getAsLong() != 0) {
        return Either.left(new WriteRejection.Stale(objectId, expectedOv.getAsLong(), 0));
      }
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
    ObjectNode meta = MetaExtractor.extract(data, map.indexedProps());
    return new PlannedVersion(ov, at, op, SystemHeaders.storedDocument(data, header), meta, header);
  }
}
