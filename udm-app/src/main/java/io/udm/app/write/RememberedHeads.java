package io.udm.app.write;

import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import io.udm.spi.CvDraw;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The heads of the items this process wrote or read last, so that an update of one of them needs
 * no read before it commits: one with {@code expectedOv} of the head, or one without of a head this
 * process wrote, while no one else drew a cv of the collection since ({@link OwnDraws}). A remembered head is only as good as the
 * collection's records it was read from: a rewrite (retention, a hard delete, a move in) can free
 * an ov the head says is next, or bring an item back with another past at the same ov. So each
 * head is remembered with the collection's count of begun rewrites, seen by a cv draw made before
 * the head was read while no rewrite ran; the commit's own draw must report the same count, or the
 * write reads the head after all ({@link CommitProtocol.HeadNotCurrent}). A rival's newer version
 * shows as a taken ov, as for a head read a moment ago.
 */
public final class RememberedHeads {
  /** Heads kept at most; the least recently used go first. */
  static final int CAPACITY = 4_096;
  /** Inline payload bytes kept at most (a head carries one up to storage.inlineMaxBytes). */
  static final long CAPACITY_BYTES = 16L << 20;

  private record Item(String backendId, ItemKey key) {}

  private record Collection(String backendId, RouteContext collection) {}

  /**
   * A head, the count of the collection's begun rewrites it is good for, and the cv this process
   * wrote it at (empty for a head it read).
   */
  record Remembered(HeadRecord head, long rewritesBegun, OptionalLong writtenAtCv) {}

  /** In access order, so the first is the least recently used; guarded by itself, with {@link #bytes}. */
  private final Map<Item, Remembered> heads = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  /** Per collection, the begun rewrites the last draw saw while none ran; absent when one ran. */
  private final Map<Collection, Long> quietAt = new ConcurrentHashMap<>();

  /** What a cv draw said of the collection's rewrites. */
  void drawn(BackendPorts backend, RouteContext collection, CvDraw draw) {
    Collection c = new Collection(backend.backendId(), collection);
    if (draw.quiet()) {
      quietAt.put(c, draw.rewritesBegun());
    } else {
      quietAt.remove(c);
    }
  }

  /**
   * The count of begun rewrites to remember a head read from now on with: the last draw's, if no
   * rewrite ran then. Taken before the read, so that a rewrite begun since shows in the next draw.
   */
  public OptionalLong beforeRead(BackendPorts backend, RouteContext collection) {
    Long begun = quietAt.get(new Collection(backend.backendId(), collection));
    return begun == null ? OptionalLong.empty() : OptionalLong.of(begun);
  }

  /** The newest version of an item, read after {@link #beforeRead} gave {@code rewritesBegun}. */
  public void read(BackendPorts backend, VersionRecord latest, OptionalLong rewritesBegun) {
    if (rewritesBegun.isPresent()) {
      put(backend, HeadRecord.of(latest), rewritesBegun.getAsLong(), OptionalLong.empty());
    } else {
      forget(backend, latest.key());
    }
  }

  /** A version this process committed, with the draw of its cv. */
  void wrote(BackendPorts backend, VersionRecord committed, CvDraw draw) {
    if (draw.quiet()) {
      put(backend, HeadRecord.of(committed), draw.rewritesBegun(), OptionalLong.of(committed.cv()));
    } else {
      forget(backend, committed.key());
    }
  }

  Optional<Remembered> head(BackendPorts backend, ItemKey key) {
    synchronized (heads) {
      return Optional.ofNullable(heads.get(new Item(backend.backendId(), key)));
    }
  }

  void forget(BackendPorts backend, ItemKey key) {
    synchronized (heads) {
      bytes -= size(heads.remove(new Item(backend.backendId(), key)));
    }
  }

  private void put(BackendPorts backend, HeadRecord head, long rewritesBegun, OptionalLong writtenAtCv) {
    synchronized (heads) {
      Item item = new Item(backend.backendId(), head.key());
      Remembered known = heads.get(item);
      // Reads and writes of one item may finish out of order: an older head never replaces a newer one.
      if (known != null && known.head().ov() > head.ov()) {
        return;
      }
      // A read of the version this process wrote keeps what the write knew of it.
      boolean sameVersion = known != null && known.head().ov() == head.ov()
          && known.head().payloadKey().equals(head.payloadKey());
      Remembered now = new Remembered(head, rewritesBegun,
          writtenAtCv.isEmpty() && sameVersion ? known.writtenAtCv() : writtenAtCv);
      bytes += size(now) - size(heads.put(item, now));
      Iterator<Remembered> eldest = heads.values().iterator();
      while (heads.size() > CAPACITY || bytes > CAPACITY_BYTES) {
        bytes -= size(eldest.next());
        eldest.remove();
      }
    }
  }

  private static long size(Remembered remembered) {
    return remembered == null ? 0 : remembered.head().inlinePayload().map(String::length).orElse(0);
  }
}
