package io.udm.app.scan;

import io.udm.api.MetaQuery;
import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ListPosition;
import java.util.Optional;
import java.util.function.Consumer;

/** Visits every head of a collection (deleted ones included) in object id order, a page at a time. */
public final class ItemScan {
  private ItemScan() {}

  public static void forEachHead(BackendPorts backend, RouteContext ctx, int pageSize, Consumer<HeadRecord> visit) {
    PageCursor<HeadRecord> heads = heads(backend, ctx, pageSize);
    while (heads.peek().isPresent()) {
      visit.accept(heads.next());
    }
  }

  /** The heads in object id order ({@link String#compareTo}; object ids are ASCII), holding one page. */
  public static PageCursor<HeadRecord> heads(BackendPorts backend, RouteContext ctx, int pageSize) {
    return new PageCursor<>(pageSize, last -> backend.heads().query(new HeadQuery(ctx, MetaQuery.all(), Optional.empty(),
        true, last.map(head -> new ListPosition(null, head.key().objectId())), pageSize, true)));
  }
}
