package io.udm.app.purge;

import io.udm.api.error.TxnException;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.List;
import java.util.Optional;

/** Removing what a backend stores for an item or a collection: records and objects, a page at a time. */
public final class ItemPurge {
  private static final int LIST_PAGE = 1000;
  private static final int MAX_ROUNDS = 16;

  private ItemPurge() {}

  /** Deletes every version record of the item, including any appended by a writer racing the delete. */
  public static long deleteVersions(BackendPorts backend, ItemKey key) {
    long removed = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Long> ovs = backend.versions().history(key).stream().map(VersionRecord::ov).toList();
      if (ovs.isEmpty()) {
        return removed;
      }
      removed += backend.versions().delete(key, ovs);
    }
    throw new TxnException("item " + key + " kept getting new versions while it was being removed; stop writing"
        + " to it and run the removal again");
  }

  /** Deletes every payload and content object under {@code prefix}. */
  public static long deleteObjects(BackendPorts backend, String prefix) {
    return deletePrefix(backend, BlobArea.JSON, prefix) + deletePrefix(backend, BlobArea.CONTENT, prefix);
  }

  private static long deletePrefix(BackendPorts backend, BlobArea area, String prefix) {
    long removed = 0;
    Optional<String> after = Optional.empty();
    while (true) {
      List<BlobInfo> page = backend.blobs().list(area, prefix, after, LIST_PAGE);
      if (page.isEmpty()) {
        return removed;
      }
      removed += backend.blobs().deleteAll(area, page.stream().map(BlobInfo::key).toList());
      after = Optional.of(page.get(page.size() - 1).key());
    }
  }
}
