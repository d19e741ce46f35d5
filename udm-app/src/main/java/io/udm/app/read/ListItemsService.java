package io.udm.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.RouteContext;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.app.index.IndexStateTracker;
import io.udm.app.routing.BackendRouter;
import io.udm.app.write.HeadRepair;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ListPosition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Lists a collection's items by a filter on indexed props, in keyset-paginated pages. */
public final class ListItemsService {
  private final UdmConfig config;
  private final BackendRouter router;
  private final IndexStateTracker indexes;

  public ListItemsService(UdmConfig config, BackendRouter router, IndexStateTracker indexes) {
    this.config = config;
    this.router = router;
    this.indexes = indexes;
  }

  public Page<ItemView> list(RouteContext ctx, MetaQuery query, ListOptions opts) {
    CollectionMap map = config.collectionMap(ctx.collection());
    MetaQuery filter = query == null ? MetaQuery.all() : query;
    filter.requireIndexed(map.indexedProps(), ctx.collection());
    opts.sortField()
        .filter(f -> !map.indexedProps().contains(f))
        .ifPresent(f -> {
          throw new ValidationException("cannot sort by '" + f + "': it is not indexed in collection '"
              + ctx.collection() + "'; sort by one of " + map.indexedProps() + " or by id (no sortBy)");
        });
    Set<String> used = new HashSet<>(filter.fields());
    opts.sortField().ifPresent(used::add);
    indexes.requireComplete(ctx, used);
    Optional<ListPosition> after = opts.cursor().map(c -> ListCursor.decode(c, opts.sortField(), opts.sortAscending()));

    BackendPorts backend = router.forRead(ctx);
    List<HeadRecord> heads = backend.heads().query(new HeadQuery(
        ctx, filter, opts.sortField(), opts.sortAscending(), after, opts.limit() + 1, opts.includeDeleted()));
    boolean more = heads.size() > opts.limit();
    List<HeadRecord> page = more ? heads.subList(0, opts.limit()) : heads;
    List<ItemView> items = page.stream().map(h -> view(backend, h, opts.includeDeleted(), map.indexedProps()))
        .flatMap(Optional::stream).toList();
    Optional<String> next = more
        ? Optional.of(ListCursor.encode(position(page.get(page.size() - 1), opts.sortField()), opts.sortField(), opts.sortAscending()))
        : Optional.empty();
    return new Page<>(items, next);
  }

  private static ListPosition position(HeadRecord last, Optional<String> sortField) {
    JsonNode value = sortField.flatMap(f -> JsonValues.at(last.meta(), f)).orElse(JsonValues.NODES.nullNode());
    return new ListPosition(value, last.key().objectId());
  }

  /**
   * The item a head stands for. A head whose payload is gone (it lagged behind its newest version
   * and retention pruned the one it pointed at) is rolled forward and the item shown as its newest
   * version; an item that cannot be read even then fails the page naming itself and the repair.
   */
  private static Optional<ItemView> view(BackendPorts backend, HeadRecord head, boolean includeDeleted,
      List<String> indexedProps) {
    try {
      return Optional.of(ItemViews.of(backend, head, indexedProps));
    } catch (StorageException unreadable) {
      try {
        return HeadRepair.latestCommitted(backend, head.key())
            .filter(latest -> includeDeleted || !latest.deleted())
            .map(latest -> ItemViews.of(backend, latest, indexedProps));
      } catch (StorageException stillUnreadable) {
        throw new StorageException("item '" + head.key().objectId() + "' of " + head.key().collection()
            + " cannot be listed: " + stillUnreadable.getMessage() + ". Run maintenance().verify for the collection;"
            + " restore the item to a version whose payload is kept, or hard-delete it, to list past it", false,
            stillUnreadable);
      }
    }
  }
}
