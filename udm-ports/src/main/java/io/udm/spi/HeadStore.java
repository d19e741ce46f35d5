package io.udm.spi;

import java.util.List;
import java.util.Optional;

/** The {@code heads}: one pointer per item, changed only by compare-and-set on its ov. */
public interface HeadStore {
  Optional<HeadRecord> find(ItemKey key);

  /** Inserts the first head of an item; {@link HeadWrite.Conflict} when one exists. */
  HeadWrite insert(HeadRecord head);

  /** Replaces the head only if it is at {@code expectedOv}. */
  HeadWrite compareAndSet(long expectedOv, HeadRecord next);

  List<HeadRecord> query(HeadQuery query);

  /** Removes the head unconditionally (hard delete); false when there was none. */
  boolean delete(ItemKey key);
}
