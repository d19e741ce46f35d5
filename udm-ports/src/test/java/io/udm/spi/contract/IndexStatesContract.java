package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.newCollection;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.RouteContext;
import io.udm.spi.IndexStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IndexStates} must do. Each test uses collections of its own. */
public abstract class IndexStatesContract {
  private static final int THREADS = 8;

  /** A store; it may be shared with other tests. */
  protected abstract IndexStates newStates();

  private IndexStates states;
  private RouteContext collection;

  @BeforeEach
  void createStatesAndCollection() {
    states = newStates();
    collection = newCollection();
  }

  @Test
  void aCollectionWithoutARecordHasNone() {
    assertThat(states.complete(collection)).isEmpty();
  }

  @Test
  void theFirstInitializeWinsAndLaterOnesReturnIt() {
    assertThat(states.initialize(collection, Set.of("email", "status"))).containsExactlyInAnyOrder("email", "status");
    assertThat(states.initialize(collection, Set.of("email"))).containsExactlyInAnyOrder("email", "status");
    assertThat(states.complete(collection)).hasValue(Set.of("email", "status"));
    assertThat(states.complete(newCollection())).isEmpty();
  }

  @Test
  void anEmptySetIsARecordToo() {
    assertThat(states.initialize(collection, Set.of())).isEmpty();
    assertThat(states.complete(collection)).hasValue(Set.of());
  }

  @Test
  void propertiesAreMarkedCompleteAndIncomplete() {
    states.initialize(collection, Set.of("email"));
    states.markComplete(collection, "status");
    states.markComplete(collection, "status");
    assertThat(states.complete(collection)).hasValue(Set.of("email", "status"));

    states.markIncomplete(collection, Set.of("email", "absent"));
    assertThat(states.complete(collection)).hasValue(Set.of("status"));
  }

  @Test
  void markingCompleteCreatesTheRecordAndMarkingIncompleteNeedsNone() {
    RouteContext other = newCollection();
    states.markIncomplete(other, Set.of("email"));
    assertThat(states.complete(other)).isEmpty();

    states.markComplete(collection, "status");
    assertThat(states.complete(collection)).hasValue(Set.of("status"));
  }

  @Test
  void racingInitializesAgreeOnOneRecord() throws Exception {
    List<Set<String>> candidates = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      candidates.add(Set.of("p" + i));
    }
    List<Set<String>> seen = Race.run(THREADS, i -> states.initialize(collection, candidates.get(i)));
    assertThat(seen).hasSize(THREADS).allSatisfy(s -> assertThat(s).isEqualTo(seen.get(0)));
    assertThat(states.complete(collection)).hasValue(seen.get(0));
  }
}
