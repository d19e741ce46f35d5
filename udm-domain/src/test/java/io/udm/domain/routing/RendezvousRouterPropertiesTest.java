package io.udm.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.RouteContext;
import io.udm.api.config.RoutingConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The HRW guarantees, over generated tenants, databases and backend ids. The seed is fixed so a
 * run is reproducible (jqwik prints it in each property's report, and the statistical assertions
 * name it); each statistical bound below holds for a fair hash with a margin of more than 3
 * standard deviations.
 */
class RendezvousRouterPropertiesTest {
  private static final String SEED = "20240611";
  private static final int KEYS = 10_000;
  private static final RoutingConfig ROUTING = RoutingConfig.builder().build();

  @Property(seed = SEED, tries = 200)
  void theSameKeyAlwaysGoesToTheSameBackend(
      @ForAll("routes") RouteContext route, @ForAll("oneToTenBackendIds") List<String> ids) {
    RendezvousRouter router = new RendezvousRouter(ids, ROUTING);
    int first = router.choose(route);

    assertThat(router.choose(route)).isEqualTo(first);
    assertThat(new RendezvousRouter(new ArrayList<>(ids), ROUTING).choose(route)).isEqualTo(first);
  }

  @Property(seed = SEED, tries = 200)
  void theChosenBackendDoesNotDependOnTheOrderOfTheList(
      @ForAll("routes") RouteContext route, @ForAll("oneToTenBackendIds") List<String> ids) {
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);

    String chosen = ids.get(new RendezvousRouter(ids, ROUTING).choose(route));
    String chosenFromReversed = reversed.get(new RendezvousRouter(reversed, ROUTING).choose(route));

    assertThat(chosenFromReversed).isEqualTo(chosen);
  }

  // Binomial(10000, 0.1): sd = 30, so +-100 is 3.3 sd.
  @Property(seed = SEED, tries = 10)
  void tenThousandCollectionsSpreadEvenlyOverTenBackends(
      @ForAll("scopeNames") String tenant, @ForAll("scopeNames") String db, @ForAll("tenBackendIds") List<String> ids) {
    RendezvousRouter router = new RendezvousRouter(ids, ROUTING);
    int[] perBackend = new int[ids.size()];
    for (RouteContext route : collections(tenant, db)) {
      perBackend[router.choose(route)]++;
    }

    for (int count : perBackend) {
      assertThat(count).as("keys per backend (seed %s, backends %s)", SEED, ids).isBetween(900, 1100);
    }
  }

  // The newcomer should win 1/11 of the keys (909, sd 29); 1.1/11 allows 1000, 3.2 sd above.
  @Property(seed = SEED, tries = 10)
  void addingABackendMovesOnlyItsShare(
      @ForAll("scopeNames") String tenant, @ForAll("scopeNames") String db, @ForAll("elevenBackendIds") List<String> ids) {
    List<String> before = ids.subList(0, 10);
    String newcomer = ids.get(10);
    RendezvousRouter tenBackends = new RendezvousRouter(before, ROUTING);
    RendezvousRouter elevenBackends = new RendezvousRouter(ids, ROUTING);

    int moved = 0;
    for (RouteContext route : collections(tenant, db)) {
      String was = before.get(tenBackends.choose(route));
      String now = ids.get(elevenBackends.choose(route));
      if (!now.equals(was)) {
        moved++;
        assertThat(now).as("a moved key goes to the new backend (seed %s)", SEED).isEqualTo(newcomer);
      }
    }

    assertThat(moved).as("keys moved by adding an 11th backend (seed %s)", SEED).isLessThanOrEqualTo(KEYS * 11 / 100);
  }

  @Property(seed = SEED, tries = 10)
  void removingABackendMovesOnlyTheKeysItHad(
      @ForAll("scopeNames") String tenant,
      @ForAll("scopeNames") String db,
      @ForAll("tenBackendIds") List<String> ids,
      @ForAll @IntRange(min = 0, max = 9) int removedIndex) {
    String removed = ids.get(removedIndex);
    List<String> remaining = new ArrayList<>(ids);
    remaining.remove(removedIndex);
    RendezvousRouter tenBackends = new RendezvousRouter(ids, ROUTING);
    RendezvousRouter nineBackends = new RendezvousRouter(remaining, ROUTING);

    for (RouteContext route : collections(tenant, db)) {
      String was = ids.get(tenBackends.choose(route));
      String now = remaining.get(nineBackends.choose(route));
      if (!was.equals(removed)) {
        assertThat(now).as("a key of a surviving backend stays put (seed %s)", SEED).isEqualTo(was);
      }
    }
  }

  @Provide
  Arbitrary<String> scopeNames() {
    // Valid tenantId / dbName / collection names: a letter or digit, then letters, digits, '_' or '-'.
    Arbitrary<Character> first = Arbitraries.chars().alpha().numeric();
    Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMaxLength(19);
    return Combinators.combine(first, rest).as((head, tail) -> head + tail);
  }

  @Provide
  Arbitrary<RouteContext> routes() {
    return Combinators.combine(scopeNames(), scopeNames(), scopeNames()).as(RouteContext::of);
  }

  @Provide
  Arbitrary<List<String>> oneToTenBackendIds() {
    return backendIds().list().ofMinSize(1).ofMaxSize(10).uniqueElements();
  }

  @Provide
  Arbitrary<List<String>> tenBackendIds() {
    return backendIds().list().ofSize(10).uniqueElements();
  }

  @Provide
  Arbitrary<List<String>> elevenBackendIds() {
    return backendIds().list().ofSize(11).uniqueElements();
  }

  private static Arbitrary<String> backendIds() {
    return Arbitraries.strings().alpha().numeric().withChars('-', '_', ':').ofMinLength(1).ofMaxLength(16);
  }

  private static List<RouteContext> collections(String tenant, String db) {
    List<RouteContext> routes = new ArrayList<>(KEYS);
    for (int i = 0; i < KEYS; i++) {
      routes.add(RouteContext.of(tenant, db, "collection-" + i));
    }
    return routes;
  }
}
