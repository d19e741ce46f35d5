package io.udm.app.routing;

import io.udm.api.Route;
import io.udm.api.RouteContext;
import io.udm.api.config.RoutingConfig;
import io.udm.api.error.RouteMismatchException;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.domain.routing.RendezvousRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.Placement;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a collection's reads and writes go: the pair its placement names (the routing truth), and
 * for a collection not placed yet, its rendezvous owner among the pairs that take new collections
 * (all but {@code routing.drain}). Adding pairs therefore never moves or breaks a collection; a
 * rebalance does, by changing placements.
 *
 * <p>Placements are cached for {@link #PLACEMENT_TTL}. A write with a stale placement is refused by
 * the fenced source ({@link io.udm.spi.CollectionFencedException}) and the writer calls {@link
 * #forget}; a read with a stale placement reads the moved collection's former copy, which stops
 * changing at the switch, for at most that long.
 */
public final class BackendRouter {
  public static final Duration PLACEMENT_TTL = Duration.ofSeconds(5);

  private record Cached(BackendPorts backend, long readAtNanos) {}

  private final List<BackendPorts> backends;
  private final Map<String, BackendPorts> byId = new LinkedHashMap<>();
  private final List<BackendPorts> takers;
  private final RendezvousRouter owners;
  private final PlacementRegistry placements;
  private final Ticker ticker;
  private final Map<RouteContext, Cached> cache = new ConcurrentHashMap<>();

  public BackendRouter(List<BackendPorts> backends, RoutingConfig routing, PlacementRegistry placements, Ticker ticker) {
    this.backends = List.copyOf(backends);
    backends.forEach(b -> byId.put(b.backendId(), b));
    this.takers = takers(this.backends, routing.drain(), byId.keySet());
    this.owners = new RendezvousRouter(takers.stream().map(BackendPorts::backendId).toList(), routing);
    this.placements = placements;
    this.ticker = ticker;
  }

  private static List<BackendPorts> takers(List<BackendPorts> backends, List<String> drain, Set<String> configured) {
    List<String> unknown = drain.stream().filter(id -> !configured.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new ValidationException("routing.drain names " + unknown + ", which are not configured backend pairs;"
          + " the configured pairs are " + configured + " (udm health lists them)");
    }
    List<BackendPorts> takers = new ArrayList<>();
    backends.stream().filter(b -> !drain.contains(b.backendId())).forEach(takers::add);
    if (takers.isEmpty()) {
      throw new ValidationException("routing.drain lists every configured backend pair " + configured
          + "; at least one pair must take collections");
    }
    return takers;
  }

  /** Where the collection lives: its placement, else its owner. No side effect. */
  public Route route(RouteContext ctx) {
    BackendPorts on = placed(ctx).orElseGet(() -> owner(ctx));
    return new Route(on.index(), on.backendId());
  }

  public List<BackendPorts> backends() {
    return backends;
  }

  public boolean draining(String backendId) {
    return takers.stream().noneMatch(b -> b.backendId().equals(backendId));
  }

  /** The pair a collection would be placed on now: its rendezvous owner among the pairs taking collections. */
  public BackendPorts owner(RouteContext ctx) {
    return takers.get(owners.choose(ctx));
  }

  /** A configured pair by id. */
  public Optional<BackendPorts> backend(String backendId) {
    return Optional.ofNullable(byId.get(backendId));
  }

  /** The backend for a read: a collection never written has no placement yet and no data anywhere. */
  public BackendPorts forRead(RouteContext ctx) {
    return placed(ctx).orElseGet(() -> owner(ctx));
  }

  /** The backend for a write: the first write to a collection places it on its owner. */
  public BackendPorts forWrite(RouteContext ctx) {
    Optional<BackendPorts> placed = placed(ctx);
    if (placed.isPresent()) {
      return placed.get();
    }
    BackendPorts on = configured(ctx, placements.claim(ctx, owner(ctx).backendId()));
    cache.put(ctx, new Cached(on, ticker.nanoTime()));
    return on;
  }

  /**
   * The backend for maintenance that removes data (hard delete, retention, shrink), read from the
   * registry: refused while the collection is being moved, since the move would copy back what it
   * removes.
   */
  public BackendPorts forMaintenance(RouteContext ctx) {
    Optional<Placement> placement = placements.placement(ctx);
    if (placement.isEmpty()) {
      return owner(ctx);
    }
    if (placement.get().moving()) {
      var move = placement.get().move().orElseThrow();
      throw new StorageException("collection " + ctx + " is being moved from backend '" + move.fromBackendId()
          + "' to '" + move.toBackendId() + "'; nothing was changed. Run this again once the rebalance finished"
          + " (`udm rebalance --plan` lists unfinished moves)", true);
    }
    BackendPorts on = configured(ctx, placement.get().backendId());
    cache.put(ctx, new Cached(on, ticker.nanoTime()));
    return on;
  }

  /** Drops the cached placement: the next call reads the registry (a fenced write found it stale). */
  public void forget(RouteContext ctx) {
    cache.remove(ctx);
  }

  private Optional<BackendPorts> placed(RouteContext ctx) {
    Cached known = cache.get(ctx);
    long now = ticker.nanoTime();
    if (known != null && now - known.readAtNanos() < PLACEMENT_TTL.toNanos()) {
      return Optional.of(known.backend());
    }
    Optional<String> placedOn = placements.find(ctx);
    if (placedOn.isEmpty()) {
      cache.remove(ctx);
      return Optional.empty();
    }
    BackendPorts on = configured(ctx, placedOn.get());
    cache.put(ctx, new Cached(on, now));
    return Optional.of(on);
  }

  private BackendPorts configured(RouteContext ctx, String backendId) {
    BackendPorts on = byId.get(backendId);
    if (on == null) {
      throw new RouteMismatchException("collection " + ctx + " is placed on backend '" + backendId + "', which is not"
          + " configured (configured: " + byId.keySet() + "). Add that backend pair back to mongoUris/spacesConns;"
          + " to empty it, list it in routing.drain and run `udm rebalance --confirm`");
    }
    return on;
  }
}
