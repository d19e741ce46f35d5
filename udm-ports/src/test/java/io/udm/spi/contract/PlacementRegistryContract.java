package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.newCollection;
import static io.udm.spi.contract.TestRecords.siblingOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.RouteContext;
import io.udm.spi.MovePhase;
import io.udm.spi.Placement;
import io.udm.spi.PlacementMove;
import io.udm.spi.PlacementRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PlacementRegistry} must do. Each test places collections of its own. */
public abstract class PlacementRegistryContract {
  private static final int THREADS = 8;
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  /** A registry; it may be shared with other tests. */
  protected abstract PlacementRegistry newRegistry();

  private PlacementRegistry registry;
  private RouteContext collection;

  @BeforeEach
  void createRegistryAndCollection() {
    registry = newRegistry();
    collection = newCollection();
  }

  @Test
  void anUnplacedCollectionHasNoPlacement() {
    assertThat(registry.find(collection)).isEmpty();
  }

  @Test
  void theFirstClaimIsRecorded() {
    assertThat(registry.claim(collection, "backend-a")).isEqualTo("backend-a");

    assertThat(registry.find(collection)).contains("backend-a");
  }

  @Test
  void aLaterClaimGetsThePlacementInForce() {
    registry.claim(collection, "backend-a");

    assertThat(registry.claim(collection, "backend-b")).isEqualTo("backend-a");
    assertThat(registry.find(collection)).contains("backend-a");
  }

  @Test
  void collectionsArePlacedIndependently() {
    RouteContext sibling = siblingOf(collection);
    registry.claim(collection, "backend-a");

    assertThat(registry.claim(sibling, "backend-b")).isEqualTo("backend-b");
    assertThat(registry.find(collection)).contains("backend-a");
  }

  @Test
  void racingClaimsForDifferentBackendsAllGetTheSameAnswer() {
    List<String> answers = Race.run(THREADS, thread -> registry.claim(collection, "backend-" + thread));

    assertThat(answers).hasSize(THREADS).containsOnly(answers.get(0));
    assertThat(registry.find(collection)).contains(answers.get(0));
  }

  @Test
  void aFirstPlacementIsAtRevisionZeroWithoutAMove() {
    registry.claim(collection, "backend-a");

    assertThat(registry.placement(collection)).contains(Placement.first(collection, "backend-a"));
  }

  @Test
  void replaceMovesThePlacementFromTheRevisionItWasReadAt() {
    registry.claim(collection, "backend-a");
    Placement first = registry.placement(collection).orElseThrow();
    PlacementMove copying = new PlacementMove("backend-a", "backend-b", MovePhase.COPYING, AT);
    Placement moving = first.next("backend-a", Optional.of(copying));

    assertThat(registry.replace(first, moving)).isTrue();
    assertThat(registry.placement(collection)).contains(moving);
    assertThat(registry.placement(collection).orElseThrow().moving()).isTrue();

    Placement switched = moving.next("backend-b",
        Optional.of(copying.in(MovePhase.CLEANUP, AT.plusSeconds(5))));
    assertThat(registry.replace(first, first.next("backend-c", Optional.empty())))
        .as("a replace from a revision read before changes nothing").isFalse();
    assertThat(registry.replace(moving, switched)).isTrue();
    assertThat(registry.placement(collection)).contains(switched);
    assertThat(registry.find(collection)).contains("backend-b");
    assertThat(registry.claim(collection, "backend-c")).as("a claim gets the pair in force").isEqualTo("backend-b");
  }

  @Test
  void racingReplacesFromOneRevisionHaveOneWinner() {
    registry.claim(collection, "backend-a");
    Placement first = registry.placement(collection).orElseThrow();

    List<Boolean> won = Race.run(THREADS, thread -> registry.replace(first, first.next("backend-" + thread,
        Optional.empty())));

    assertThat(won).containsOnlyOnce(true);
    assertThat(registry.placement(collection).orElseThrow().revision()).isEqualTo(1);
  }

  @Test
  void replacingAnUnplacedCollectionChangesNothing() {
    Placement never = Placement.first(collection, "backend-a");

    assertThat(registry.replace(never, never.next("backend-b", Optional.empty()))).isFalse();
    assertThat(registry.placement(collection)).isEmpty();
  }

  @Test
  void listPagesPlacementsInKeyOrder() {
    List<RouteContext> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RouteContext sibling = siblingOf(collection);
      registry.claim(sibling, "backend-" + i);
      mine.add(sibling);
    }
    mine.sort(Comparator.comparing(Placement::orderKey));
    // Pages of 2, starting just before this tenant's placements (the registry may hold others).
    List<RouteContext> seen = new ArrayList<>();
    Optional<RouteContext> after = Optional.of(RouteContext.of(collection.tenantId(), collection.dbName(), "b"));
    while (true) {
      List<Placement> page = registry.list(after, 2);
      page.stream().map(Placement::collection).filter(mine::contains).forEach(seen::add);
      if (page.isEmpty() || !page.get(page.size() - 1).collection().tenantId().equals(collection.tenantId())) {
        break;
      }
      after = Optional.of(page.get(page.size() - 1).collection());
    }

    assertThat(seen).containsExactlyElementsOf(mine);
  }
}
