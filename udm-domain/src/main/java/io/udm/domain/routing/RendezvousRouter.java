package io.udm.domain.routing;

import io.udm.api.Names;
import io.udm.api.RouteContext;
import io.udm.api.config.RoutingConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Rendezvous (highest random weight) hashing: each backend scores the routing key and the highest
 * score wins. Adding a backend moves only the keys the newcomer now wins; removing one moves only
 * the keys it held. Pure and cheap; callers cache the result per collection.
 */
public final class RendezvousRouter {
  private static final String SEPARATOR = "|";

  private final List<String> backendIds;
  private final List<Function<RouteContext, String>> keyParts;

  public RendezvousRouter(List<String> backendIds, RoutingConfig routing) {
    Objects.requireNonNull(backendIds, "backendIds");
    Objects.requireNonNull(routing, "routing");
    this.backendIds = checkedBackendIds(backendIds);
    this.keyParts = parseChooseKey(routing);
  }

  /** Index into {@link #backendIds()} of the backend with the highest score; ties go to the lower index. */
  public int choose(RouteContext ctx) {
    String routingKey = routingKey(ctx);
    int best = 0;
    long bestScore = score(routingKey, backendIds.get(0));
    for (int i = 1; i < backendIds.size(); i++) {
      long candidate = score(routingKey, backendIds.get(i));
      if (Long.compareUnsigned(candidate, bestScore) > 0) {
        best = i;
        bestScore = candidate;
      }
    }
    return best;
  }

  /**
   * The parts named by {@code chooseKey}, in its order, joined with {@code |}: e.g. {@code
   * t1|db|users}, also for {@code tenantId|dbName|collection:objectId}.
   */
  public String routingKey(RouteContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    List<String> values = new ArrayList<>(keyParts.size());
    for (Function<RouteContext, String> part : keyParts) {
      values.add(part.apply(ctx));
    }
    return String.join(SEPARATOR, values);
  }

  /**
   * The weight of {@code backendId} for {@code routingKey}, compared as an unsigned 64-bit number.
   * Computed from UTF-8 bytes with fixed constants, so it never changes across JVMs or versions.
   */
  public static long score(String routingKey, String backendId) {
    Objects.requireNonNull(routingKey, "routingKey");
    Objects.requireNonNull(backendId, "backendId");
    return StableHash.ofPair(routingKey, backendId);
  }

  public List<String> backendIds() {
    return backendIds;
  }

  @Override
  public String toString() {
    return "RendezvousRouter" + backendIds;
  }

  private static List<String> checkedBackendIds(List<String> backendIds) {
    if (backendIds.isEmpty()) {
      throw new IllegalArgumentException("rendezvous routing needs at least one backend id");
    }
    Set<String> seen = new HashSet<>();
    for (String id : backendIds) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("backend ids must not be null or blank, got " + Names.show(id));
      }
      if (!seen.add(id)) {
        // Two equal ids would always tie, and the second could never receive a collection.
        throw new IllegalArgumentException("backend id " + Names.show(id) + " appears twice; backend ids must be unique");
      }
    }
    return List.copyOf(backendIds);
  }

  private static List<Function<RouteContext, String>> parseChooseKey(RoutingConfig routing) {
    if (!RoutingConfig.RENDEZVOUS.equals(routing.hashAlgo())) {
      throw new IllegalArgumentException(
          "routing.hashAlgo " + Names.show(routing.hashAlgo()) + " is not supported; use '" + RoutingConfig.RENDEZVOUS + "'");
    }
    String chooseKey = routing.chooseKey();
    List<Function<RouteContext, String>> parts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    // keyParts() drops the original config's ':objectId' suffix: placement is per collection.
    for (String name : routing.keyParts()) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "routing.chooseKey " + Names.show(chooseKey) + " names " + Names.show(name) + " twice; name each part once");
      }
      parts.add(keyPart(name, chooseKey));
    }
    return List.copyOf(parts);
  }

  private static Function<RouteContext, String> keyPart(String name, String chooseKey) {
    return switch (name) {
      case "tenantId" -> RouteContext::tenantId;
      case "dbName" -> RouteContext::dbName;
      case "collection" -> RouteContext::collection;
      default -> throw new IllegalArgumentException(
          "routing.chooseKey " + Names.show(chooseKey) + " has the unknown part " + Names.show(name)
              + "; use tenantId, dbName and collection joined with '|', optionally followed by '"
              + RoutingConfig.IGNORED_OBJECT_ID_SUFFIX + "' (ignored)");
    };
  }
}
