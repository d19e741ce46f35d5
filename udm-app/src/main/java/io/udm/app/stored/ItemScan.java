package io.udm.app.stored;

import io.udm.api.MetaQuery;
import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ListPosition;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Visits every head of a collection (deleted ones included) in object id order, a page at a time. */
public final class ItemScan {
  private ItemScan() {}

  public static void forEachHead(BackendPorts backend, RouteContext ctx, int pageSize, Consumer<HeadRecord> visit) {
    Optional<ListPosition> after = Optional.empty();
    while (true) {
      List<HeadRecord> page = backend.heads().query(
          new HeadQuery(ctx, MetaQuery.all(), Optional.empty(), true, after, pageSize, true));
      page.forEach(visit);
      if (page.size() < pageSize) {
        return;
      }
      after = Optional.of(new ListPosition(null, page.get(page.size() - 1).key().objectId()));
    }
  }
}
