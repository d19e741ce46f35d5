package io.udm.app.scan;

import io.udm.spi.ItemKey;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.util.function.Consumer;

/** Visits an item's version records oldest first, a page at a time, so its whole history is never held. */
public final class ItemHistory {
  public static final int PAGE = 500;

  private ItemHistory() {}

  public static void forEach(VersionLog versions, ItemKey key, Consumer<VersionRecord> visit) {
    PageCursor<VersionRecord> records = new PageCursor<>(PAGE,
        last -> versions.historyAfter(key, last.map(VersionRecord::ov).orElse(Long.MIN_VALUE), PAGE));
    while (records.peek().isPresent()) {
      visit.accept(records.next());
    }
  }
}
