package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.newCollection;
import static io.udm.spi.contract.TestRecords.siblingOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.RouteContext;
import io.udm.spi.PlacementRegistry;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PlacementRegistry} must do. Each test places collections of its own. */
public abstract class PlacementRegistryContract {
  private static final int THREADS = 8;

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
}
