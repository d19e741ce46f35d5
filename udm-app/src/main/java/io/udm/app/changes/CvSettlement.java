package io.udm.app.changes;

import io.udm.api.RouteContext;
import io.udm.domain.changes.FeedTiming;
import io.udm.spi.BackendPorts;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a collection's version log in cv order and settles every cv it passes: a cv is either a
 * committed version or burned ({@link io.udm.spi.VersionLog#burn}), never "probably not coming".
 * A missing cv is burned once {@link FeedTiming#HOLD} has passed since the next version's cv was
 * drawn, or at once when the caller knows it may (a fenced counter); a write whose cv is burned
 * fails in the store and draws again, so nothing commits behind the walk. The change feed and the
 * move's copier both read the log through it.
 */
public final class CvSettlement {
  /** Burned cvs read, and cvs burned, per step of a walk: a gap may span many cvs. */
  static final int GAP_STEP = 10_000;

  private CvSettlement() {}

  /**
   * Versions after a cv, all of whose cvs are settled up to {@code frontier}: every cv in
   * ({@code afterCv}, {@code frontier}] is one of {@code versions} or burned.
   */
  public record Settled(List<VersionRecord> versions, long frontier) {}

  /**
   * At most {@code limit} versions after {@code afterCv}, stopping before a missing cv that may
   * still commit. Missing cvs at or below {@code burnNowUpTo} are burned without waiting (0: none).
   * Bounded work: a gap wider than a few thousand cvs is settled over several calls.
   */
  public static Settled next(BackendPorts backend, RouteContext ctx, long afterCv, int limit, Instant now,
      long burnNowUpTo) {
    List<VersionRecord> page = backend.versions().listByCv(ctx, afterCv, limit);
    return settle(backend, ctx, afterCv, page, page.size() < limit, now, burnNowUpTo);
  }

  /**
   * As {@link #next}, over versions the caller listed already: {@code listed} are the collection's
   * versions after {@code afterCv} in cv order, all of them up to the last when {@code
   * listedEverything}. Settles from {@code afterCv} up to a few thousand cvs on; call again from the
   * returned frontier (with the versions above it) to go on.
   */
  public static Settled settle(BackendPorts backend, RouteContext ctx, long afterCv, List<VersionRecord> listed,
      boolean listedEverything, Instant now, long burnNowUpTo) {
    long reach = afterCv + GAP_STEP;
    long horizon = Math.min(reach, Math.max(listed.isEmpty() ? afterCv : listed.get(listed.size() - 1).cv(),
        burnNowUpTo));
    Set<Long> burned = horizon > afterCv
        ? new HashSet<>(backend.versions().burnedCvs(ctx, afterCv, horizon, GAP_STEP)) : Set.of();
    List<VersionRecord> versions = new ArrayList<>();
    List<Long> toBurn = new ArrayList<>();
    long frontier = afterCv;
    for (VersionRecord version : listed) {
      long gapEnd = version.cv() - 1;
      if (gapEnd > frontier) {
        boolean mayGiveUp = gapEnd <= burnNowUpTo || FeedTiming.gapSettled(version.cvDrawnAt(), now);
        if (!mayGiveUp || frontier >= reach) {
          break;
        }
        long settledTo = Math.min(gapEnd, reach);
        addMissing(frontier + 1, settledTo, burned, toBurn);
        frontier = settledTo;
        if (settledTo < gapEnd) {
          break; // the gap goes on beyond what one call settles
        }
      }
      versions.add(version);
      frontier = version.cv();
    }
    boolean walkedEveryVersion = versions.size() == listed.size() && listedEverything;
    if (walkedEveryVersion && burnNowUpTo > frontier && frontier < reach) {
      long settledTo = Math.min(burnNowUpTo, reach);
      addMissing(frontier + 1, settledTo, burned, toBurn);
      frontier = settledTo;
    }
    return burnAndSettle(backend, ctx, versions, frontier, toBurn, now);
  }

  private static void addMissing(long from, long to, Set<Long> burned, List<Long> toBurn) {
    for (long cv = from; cv <= to; cv++) {
      if (!burned.contains(cv)) {
        toBurn.add(cv);
      }
    }
  }

  /**
   * Burns {@code toBurn}; a cv that turns out to hold a version (its append arrived meanwhile) ends
   * the settled walk just below it, so the next walk lists it in order.
   */
  private static Settled burnAndSettle(BackendPorts backend, RouteContext ctx, List<VersionRecord> versions,
      long frontier, List<Long> toBurn, Instant now) {
    if (toBurn.isEmpty()) {
      return new Settled(versions, frontier);
    }
    Set<Long> landed = backend.versions().burn(ctx, toBurn, now);
    if (landed.isEmpty()) {
      return new Settled(versions, frontier);
    }
    long firstLanded = landed.stream().mapToLong(Long::longValue).min().orElseThrow();
    List<VersionRecord> below = versions.stream().filter(v -> v.cv() < firstLanded).toList();
    return new Settled(below, firstLanded - 1);
  }
}
