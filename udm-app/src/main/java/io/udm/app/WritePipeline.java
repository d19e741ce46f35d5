package io.udm.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.ContentRef;
import io.udm.api.Op;
import io.udm.api.WriteOptions;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.ValidationException;
import io.udm.domain.write.CurrentState;
import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.RequestFingerprint;
import io.udm.domain.write.WriteRejection;
import io.udm.spi.BackendPorts;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The steps every write shares: route, answer a replayed request id, read the committed state
 * (rolling the head forward), let the domain plan (content included), commit.
 */
final class WritePipeline {
  private final BackendRouter router;
  private static final System.Logger LOG = System.getLogger(WritePipeline.class.getName());

  private final CommitProtocol commits;
  private final ContentPlanning contents;
  private final List<CommitListener> listeners;
  private final Clock clock;

  WritePipeline(BackendRouter router, CommitProtocol commits, ContentPlanning contents, Clock clock) {
    this(router, commits, contents, clock, List.of());
  }

  WritePipeline(BackendRouter router, CommitProtocol commits, ContentPlanning contents, Clock clock,
      List<CommitListener> listeners) {
    this.listeners = List.copyOf(listeners);
    this.router = router;
    this.commits = commits;
    this.contents = contents;
    this.clock = clock;
  }

  /** Plans a version from the committed state; gets the backend to read payloads if it must. */
  @FunctionalInterface
  interface Planner {
    Either<WriteRejection, PlannedVersion> plan(
        BackendPorts backend, Optional<VersionRecord> latest, Optional<CurrentState> current, Instant now);
  }

  VersionRecord write(ItemKey key, Op op, WriteOptions opts, Optional<String> functionId, JsonNode body, Planner planner) {
    BackendPorts backend = router.forWrite(key.collection());
    // A create under a generated id gets a new id on every call: its replay is told by collection and body.
    boolean generatedId = op == Op.CREATE && opts.objectId().isEmpty();
    Optional<String> fingerprint = opts.requestId()
        .map(id -> RequestFingerprint.of(op, generatedId ? "" : key.objectId(), body));
    if (opts.requestId().isPresent()) {
      Optional<VersionRecord> first = backend.versions().findByRequestId(key.collection(), opts.requestId().get());
      if (first.isPresent()) {
        return replayed(backend, first.get(), generatedId ? first.get().key() : key, fingerprint);
      }
    }
    // A fresh generated id is time-ordered and new: it has no versions to read. If it somehow had,
    // the append of ov 1 would be refused by the log's unique (item, ov) index.
    Optional<VersionRecord> latest = generatedId ? Optional.empty() : HeadRepair.latestCommitted(backend, key);
    Optional<CurrentState> current = latest.map(v -> new CurrentState(v.key().objectId(), v.ov(), v.at(), v.system(),
        v.content().stream().map(ContentRef::path).toList()));
    PlannedVersion plan = contents.apply(backend, key,
        planner.plan(backend, latest, current, now()).getOrElseThrow(WritePipeline::toException), latest, body);
    CommitProtocol.Outcome outcome = commits.commit(backend, key, latest, plan, opts, functionId, fingerprint);
    if (outcome instanceof CommitProtocol.Outcome.Replayed replayed) {
      return replayed(backend, replayed.first(), generatedId ? replayed.first().key() : key, fingerprint);
    }
    VersionRecord committed = ((CommitProtocol.Outcome.Committed) outcome).version();
    notifyCommitted(backend, latest, committed, plan);
    return committed;
  }

  private void notifyCommitted(BackendPorts backend, Optional<VersionRecord> before, VersionRecord after, PlannedVersion plan) {
    for (CommitListener listener : listeners) {
      try {
        listener.committed(backend, before, after, plan);
      } catch (RuntimeException e) {
        // The write is committed; after-commit work never undoes or fails it.
        LOG.log(System.Logger.Level.WARNING, "after-commit work {0} failed for {1} ov {2}: {3}",
            listener.getClass().getSimpleName(), after.key(), after.ov(), e.getMessage());
      }
    }
  }

  /** Millisecond precision: what every store (BSON dates included) keeps exactly. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A replay answers with the first result; if the first attempt crashed before moving the head,
   * the replay moves it (best effort: the answer stands even if that fails, the next access repairs).
   */
  private static VersionRecord replayed(BackendPorts backend, VersionRecord first, ItemKey key, Optional<String> fingerprint) {
    VersionRecord result = replay(first, key, fingerprint);
    try {
      HeadRepair.latestCommitted(backend, key);
    } catch (RuntimeException repairFailed) {
      // The version log holds the write; any later read or write rolls the head forward.
    }
    return result;
  }

  /** A request id seen before returns its first result, unless it now carries a different request. */
  private static VersionRecord replay(VersionRecord first, ItemKey key, Optional<String> fingerprint) {
    if (!first.key().equals(key) || !first.requestHash().equals(fingerprint)) {
      throw new ValidationException(
          "requestId '" + first.requestId().orElse("") + "' was already used for a different request (item '"
              + first.key().objectId() + "', " + first.op() + "); use a new requestId for a new request");
    }
    return first;
  }

  static RuntimeException toException(WriteRejection rejection) {
    if (rejection instanceof WriteRejection.Invalid invalid) {
      return new ValidationException(invalid.problems());
    }
    if (rejection instanceof WriteRejection.Stale stale) {
      return OptimisticLockException.stale(stale.objectId(), stale.expectedOv(), stale.actualOv());
    }
    return new NotFoundException(((WriteRejection.Missing) rejection).detail());
  }
}
