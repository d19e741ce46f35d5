package io.udm.app.index;

import io.udm.api.RouteContext;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.spi.IndexStates;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's view of which indexed properties each collection has complete ({@link
 * IndexStates}), so that a listing never filters or sorts on a property part of the items lack.
 *
 * <p>Before its first write to a collection, a process records its {@code indexedProps} as complete
 * when the collection has no record yet (a new collection, or one written before records existed),
 * and takes out of the record any property it does not index itself: its writes will lack that
 * property, so a later return of it to {@code indexedProps} needs a reindex. A property added to
 * {@code indexedProps} is therefore missing from the record until {@code reindex} adds it. This
 * assumes every process writing a collection runs with the same {@code indexedProps}: change them
 * everywhere, then reindex.
 *
 * <p>Complete properties are cached for the life of the process; a property not (yet) complete is
 * looked up again on each listing that needs it, so a reindex in another process shows at once.
 */
public final class IndexStateTracker {
  private final UdmConfig config;
  private final IndexStates states;
  private final Set<RouteContext> prepared = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<RouteContext, Set<String>> complete = new ConcurrentHashMap<>();

  public IndexStateTracker(UdmConfig config, IndexStates states) {
    this.config = config;
    this.states = states;
  }

  /** Called before a write to {@code ctx}: costs a request on the first write of this process only. */
  public void beforeWrite(RouteContext ctx) {
    if (prepared.contains(ctx)) {
      return;
    }
    Set<String> mine = Set.copyOf(config.collectionMap(ctx.collection()).indexedProps());
    Set<String> recorded = states.initialize(ctx, mine);
    Set<String> notMine = new HashSet<>(recorded);
    notMine.removeAll(mine);
    if (!notMine.isEmpty()) {
      states.markIncomplete(ctx, notMine);
    }
    Set<String> held = new HashSet<>(recorded);
    held.removeAll(notMine);
    complete.put(ctx, Set.copyOf(held));
    prepared.add(ctx);
  }

  /**
   * Refuses a listing of {@code ctx} that filters or sorts on {@code props} while one of them is
   * incomplete, naming {@code reindex}.
   */
  public void requireComplete(RouteContext ctx, Set<String> props) {
    if (props.isEmpty() || complete.getOrDefault(ctx, Set.of()).containsAll(props)) {
      return;
    }
    Set<String> now = recorded(ctx);
    List<String> missing = props.stream().filter(p -> !now.contains(p)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new ValidationException("indexed " + (missing.size() == 1 ? "property " : "properties ")
          + String.join(", ", missing.stream().map(p -> "'" + p + "'").toList()) + " of collection '"
          + ctx.collection() + "' " + (missing.size() == 1 ? "is" : "are") + " not complete: items written"
          + " before it was added to indexedProps carry no value for it, so a filter or sort on it would miss"
          + " them. Run reindex for " + ctx + " (udm reindex -c " + ctx.tenantId() + "/" + ctx.dbName() + "/"
          + ctx.collection() + " --confirm, or maintenance().reindex(ctx)) and list again");
    }
  }

  /** The record, read now; a collection never written gets this process's properties, as it has no items. */
  private Set<String> recorded(RouteContext ctx) {
    Optional<Set<String>> found = states.complete(ctx);
    Set<String> now = found.orElseGet(() -> states.initialize(ctx,
        Set.copyOf(config.collectionMap(ctx.collection()).indexedProps())));
    complete.put(ctx, Set.copyOf(now));
    return now;
  }

  /** Records {@code prop} complete (a reindex backfilled it). */
  public void markComplete(RouteContext ctx, String prop) {
    states.markComplete(ctx, prop);
    complete.remove(ctx);
  }
}
