package io.udm.app.write;

import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import io.udm.spi.CvDraw;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's cv draws, made under one drawer name, and what they tell of everyone else's. The
 * counter says of each draw whether the cv before it was drawn under the same name; so when every cv
 * after R up to a draw D followed one of this process's own draws, no one else drew in between.
 * Another writer of an item this process wrote at cv R would have drawn a cv in between (it draws
 * after it has read that version), so the head this process remembers of it is still the head at D.
 *
 * <p>A draw of this process still under way may be the one that would tell of another drawer, so
 * while one is, nothing is vouched for; a draw whose reply was lost is taken to have followed
 * another's. Being wrong costs requests, never a write: a stale head's next ov is taken in the log.
 */
final class OwnDraws {
  private record Collection(String backendId, RouteContext collection) {}

  /** Per collection; guarded by itself. */
  private static final class Seen {
    int underWay;
    /** The highest cv this process drew that followed someone else's draw (or an unknown one). */
    long lastAfterAnother;
    boolean lostOne;
  }

  /** What a draw gave, and whether only this process drew since the cv asked about. */
  record OwnDraw(CvDraw draw, boolean onlyOwnSince) {}

  private final String drawer = "process-" + UUID.randomUUID();
  private final Map<Collection, Seen> seen = new ConcurrentHashMap<>();

  /**
   * Draws the collection's next cv as this process.
   *
   * @param since a cv this process drew earlier; {@link OwnDraw#onlyOwnSince} says whether every cv
   *     after it was drawn by this process (false when none is given)
   */
  OwnDraw draw(BackendPorts backend, RouteContext collection, OptionalLong since) {
    Seen counts = seen.computeIfAbsent(new Collection(backend.backendId(), collection), c -> new Seen());
    synchronized (counts) {
      counts.underWay++;
    }
    CvDraw draw = null;
    try {
      draw = backend.sequences().draw(collection, drawer);
      boolean onlyOwn = settled(counts, draw, since);
      return new OwnDraw(draw, onlyOwn);
    } finally {
      if (draw == null) {
        synchronized (counts) {
          counts.underWay--;
          counts.lostOne = true;
        }
      }
    }
  }

  /** Notes what the draw said; then whether only this process drew after {@code since}, if given. */
  private static boolean settled(Seen counts, CvDraw draw, OptionalLong since) {
    synchronized (counts) {
      counts.underWay--;
      if (!draw.followsOwnDraw() || counts.lostOne) {
        counts.lastAfterAnother = Math.max(counts.lastAfterAnother, draw.cv());
        counts.lostOne = false;
      }
      return since.isPresent() && counts.underWay == 0 && counts.lastAfterAnother <= since.getAsLong();
    }
  }
}
