package io.udm.app.write;

import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import io.udm.spi.CvDraw;
import io.udm.spi.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's cv draws, made under one drawer name, and what they tell of everyone else's. The
 * counter says of each draw whether the cv before it was drawn under the same name; so when every cv
 * after R up to a draw D followed one of this process's own draws, no one else drew in between.
 * Another writer of an item this process wrote at cv R would have drawn a cv in between (it draws
 * after it has read that version), so the head this process remembers of it is still the head at D.
 *
 * <p>A draw of this process sent before D's reply came may have a lower cv, and be the one that
 * tells of another drawer: D's check waits for those replies, {@link #LONGEST_WAIT} at most, and
 * vouches for nothing if one is still out. A draw whose reply was lost is taken to have followed
 * another's. Being wrong costs requests, never a write: a stale head's next ov is taken in the log.
 */
final class OwnDraws {
  /** How long a check waits for this process's earlier draws to come back; about one request. */
  static final Duration LONGEST_WAIT = Duration.ofMillis(20);

  private record Collection(String backendId, RouteContext collection) {}

  /** Per collection; guarded by itself. */
  private static final class Seen {
    long nextTicket;
    /** The tickets of the draws sent and not yet back, in the order they were sent. */
    final TreeSet<Long> underWay = new TreeSet<>();
    /** The highest cv this process drew that followed someone else's draw (or an unknown one). */
    long lastAfterAnother;
    boolean lostOne;
  }

  /** What a draw gave, and whether only this process drew since the cv asked about. */
  record OwnDraw(CvDraw draw, boolean onlyOwnSince) {}

  private final String drawer;
  private final Ticker ticker;
  private final long longestWaitNanos;
  private final Map<Collection, Seen> seen = new ConcurrentHashMap<>();

  /** @param drawer this process's name on the counters: unique among the processes that write there */
  OwnDraws(String drawer, Ticker ticker, Duration longestWait) {
    this.drawer = drawer;
    this.ticker = ticker;
    this.longestWaitNanos = longestWait.toNanos();
  }

  /**
   * Draws the collection's next cv as this process.
   *
   * @param since a cv this process drew earlier; {@link OwnDraw#onlyOwnSince} says whether every cv
   *     after it was drawn by this process (false when none is given)
   */
  OwnDraw draw(BackendPorts backend, RouteContext collection, OptionalLong since) {
    Seen counts = seen.computeIfAbsent(new Collection(backend.backendId(), collection), c -> new Seen());
    long ticket;
    synchronized (counts) {
      ticket = counts.nextTicket++;
      counts.underWay.add(ticket);
    }
    CvDraw draw = null;
    long repliedAt;
    try {
      draw = backend.sequences().draw(collection, drawer);
    } finally {
      synchronized (counts) {
        counts.underWay.remove(ticket);
        if (draw == null || !draw.followsOwnDraw() || counts.lostOne) {
          counts.lostOne = draw == null;
          if (draw != null) {
            counts.lastAfterAnother = Math.max(counts.lastAfterAnother, draw.cv());
          }
        }
        // Draws sent from now on were applied after this one: they cannot hold a lower cv.
        repliedAt = counts.nextTicket;
        counts.notifyAll();
      }
    }
    return new OwnDraw(draw, since.isPresent() && onlyOwnSince(counts, since.getAsLong(), repliedAt));
  }

  /** Waits for the draws sent before this reply came, then: did only this process draw after {@code since}? */
  private boolean onlyOwnSince(Seen counts, long since, long repliedAt) {
    synchronized (counts) {
      long deadline = ticker.nanoTime() + longestWaitNanos;
      // Each wait lasts a millisecond at least: even a ticker that stood still would end the waiting.
      for (long waits = longestWaitNanos / 1_000_000 + 1; earlierDrawOut(counts, since, repliedAt); waits--) {
        long left = deadline - ticker.nanoTime();
        if (left <= 0 || waits == 0) {
          return false;
        }
        try {
          counts.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return counts.lastAfterAnother <= since && !counts.lostOne;
    }
  }

  /** Whether the answer may still change: nothing has said no yet and a draw sent before the reply is out. */
  private static boolean earlierDrawOut(Seen counts, long since, long repliedAt) {
    return counts.lastAfterAnother <= since && !counts.lostOne && !counts.underWay.isEmpty()
        && counts.underWay.first() < repliedAt;
  }
}
