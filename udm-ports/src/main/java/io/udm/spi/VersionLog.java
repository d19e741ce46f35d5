package io.udm.spi;

import io.udm.api.RouteContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code versions} log. Unique on (item, ov): of two writers appending the same ov exactly one
 * wins. Unique on (collection, requestId) when a request id is given: an append whose request id
 * exists returns {@link AppendResult.RequestReplayed} even when its ov is taken too, and deleting a
 * version frees its request id (retention keeps a memo for a while instead: {@link RequestMemos}).
 * Unique on (collection, cv), shared by versions and burned cvs ({@link #burn}): whoever gives up
 * on a cv burns it in that index, so a late append with it fails in the store instead of committing
 * behind a reader's or a mover's back.
 * {@link #latestAtOrBefore} picks the highest ov among versions with {@code at <= instant},
 * whatever the order of their times.
 *
 * <p>The after-commit work a version owes is kept on its record ({@link EffectsOutbox}); a store
 * usually implements both ports, and {@link RequestMemos}, in one class.
 */
public interface VersionLog {
  /** Appends a version that owes no after-commit work. */
  default AppendResult append(VersionRecord version) {
    return append(version, Optional.empty());
  }

  /**
   * Appends a version together with the after-commit work it owes, in one insert: the work is
   * owed from the moment the version exists until {@link EffectsOutbox#effectsApplied} clears it.
   */
  AppendResult append(VersionRecord version, Optional<PendingEffects> effects);

  Optional<VersionRecord> find(ItemKey key, long ov);

  /**
   * The records among {@code ovs} that exist, oldest first; ovs that do not exist are left out.
   * Primary-key lookups: unlike {@link #latest} and {@link #history}, the cost does not grow with the
   * item's (or the collection's) number of versions on any store.
   */
  List<VersionRecord> findAll(ItemKey key, Collection<Long> ovs);

  /** The record with the highest ov. */
  Optional<VersionRecord> latest(ItemKey key);

  /** The record with the highest ov among those with {@code at <= instant}. */
  Optional<VersionRecord> latestAtOrBefore(ItemKey key, Instant instant);

  /** All records of the item, oldest first. */
  List<VersionRecord> history(ItemKey key);

  /**
   * At most {@code limit} records of the item with an ov above {@code afterOv}, oldest first: the
   * history a page at a time, for callers that must not hold an item's whole history. This default
   * reads the whole history; the adapters answer it with a bounded query.
   */
  default List<VersionRecord> historyAfter(ItemKey key, long afterOv, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a history page needs a limit of 1 or more, got " + limit);
    }
    return history(key).stream().filter(v -> v.ov() > afterOv).limit(limit).toList();
  }

  Optional<VersionRecord> findByRequestId(RouteContext collection, String requestId);

  /** The collection's records with {@code cv > afterCv}, in cv order, at most {@code limit}. */
  List<VersionRecord> listByCv(RouteContext collection, long afterCv, int limit);

  /**
   * The object ids that have versions in the collection, each once, in ascending order (of {@link
   * String#compareTo}), after {@code afterObjectId}, at most {@code limit}: what a check of every
   * item walks to find items that have versions and nothing else (no head, no objects).
   */
  List<String> itemIds(RouteContext collection, Optional<String> afterObjectId, int limit);

  /** Removes the given versions of an item (retention, hard delete); returns how many existed. */
  long delete(ItemKey key, List<Long> ovs);

  /**
   * Gives up on cvs of the collection: each of {@code cvs} that no version holds is burned at
   * {@code at}, in the unique index an append uses, so from then on an append with that cv is
   * refused ({@link AppendResult.CvBurned}) however late it arrives. Burning a burned cv is a
   * no-op. Returns the cvs a version holds: their writes committed after all and stay.
   */
  Set<Long> burn(RouteContext collection, Collection<Long> cvs, Instant at);

  /** At most {@code limit} burned cvs of the collection in ({@code afterCv}, {@code upToCv}], ascending. */
  List<Long> burnedCvs(RouteContext collection, long afterCv, long upToCv, int limit);
}
