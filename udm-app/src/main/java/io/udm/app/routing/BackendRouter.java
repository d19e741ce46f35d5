package io.udm.app.routing;

import io.udm.api.Route;
import io.udm.api.RouteContext;
import io.udm.api.error.RouteMismatchException;
import io.udm.domain.routing.RendezvousRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.PlacementRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the backend pair of a collection by rendezvous hashing, and holds it to the placement
 * recorded at the collection's first write, so a changed backend list never splits a collection.
 */
public final class BackendRouter {
  private final RendezvousRouter hashing;
  private final List<BackendPorts> backends;
  private final PlacementRegistry placements;
  private final Map<RouteContext, BackendPorts> confirmed = new ConcurrentHashMap<>();

  public BackendRouter(RendezvousRouter hashing, List<BackendPorts> backends, PlacementRegistry placements) {
    this.hashing = hashing;
    this.backends = List.copyOf(backends);
    this.placements = placements;
  }

  public Route route(RouteContext ctx) {
    BackendPorts chosen = chosen(ctx);
    return new Route(chosen.index(), chosen.backendId());
  }

  public List<BackendPorts> backends() {
    return backends;
  }

  /** The backend for a read: a collection never written has no placement yet and no data anywhere. */
  public BackendPorts forRead(RouteContext ctx) {
    BackendPorts known = confirmed.get(ctx);
    if (known != null) {
      return known;
    }
    BackendPorts chosen = chosen(ctx);
    Optional<String> placed = placements.find(ctx);
    if (placed.isPresent()) {
      return confirm(ctx, chosen, placed.get());
    }
    return chosen;
  }

  /** The backend for a write: the first write to a collection records its placement. */
  public BackendPorts forWrite(RouteContext ctx) {
    BackendPorts known = confirmed.get(ctx);
    if (known != null) {
      return known;
    }
    BackendPorts chosen = chosen(ctx);
    return confirm(ctx, chosen, placements.claim(ctx, chosen.backendId()));
  }

  private BackendPorts chosen(RouteContext ctx) {
    return backends.get(hashing.choose(ctx));
  }

  private BackendPorts confirm(RouteContext ctx, BackendPorts chosen, String placedOn) {
    if (!placedOn.equals(chosen.backendId())) {
      throw new RouteMismatchException(
          "collection " + ctx + " was placed on backend '" + placedOn + "', but with the configured backend pairs"
              + " routing now picks '" + chosen.backendId() + "': a pair was added or removed since (their order"
              + " does not matter, each backend keeps its own id). Configure the pairs that were in use when the"
              + " collection was placed; moving a collection to another pair (rebalance) is not in this build yet");
    }
    confirmed.put(ctx, chosen);
    return chosen;
  }
}
