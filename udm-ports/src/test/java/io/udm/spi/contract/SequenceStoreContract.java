package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.newCollection;
import static io.udm.spi.contract.TestRecords.siblingOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.RouteContext;
import io.udm.spi.CollectionFencedException;
import io.udm.spi.CvDraw;
import io.udm.spi.SequenceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SequenceStore} must do. Each test counts in collections of its own. */
public abstract class SequenceStoreContract {
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 200;

  /** A store; it may be shared with other tests. */
  protected abstract SequenceStore newStore();

  private SequenceStore store;
  private RouteContext collection;

  @BeforeEach
  void createStoreAndCollection() {
    store = newStore();
    collection = newCollection();
  }

  @Test
  void aCollectionThatNeverCountedIsAtZero() {
    assertThat(store.current(collection)).isZero();
  }

  @Test
  void theFirstNumberIsOneAndEachNextIsHigher() {
    assertThat(store.next(collection)).isEqualTo(1);
    long second = store.next(collection);
    long third = store.next(collection);

    assertThat(second).isGreaterThan(1);
    assertThat(third).isGreaterThan(second);
    assertThat(store.current(collection)).isEqualTo(third);
  }

  @Test
  void collectionsCountIndependently() {
    RouteContext sibling = siblingOf(collection);
    store.next(collection);
    store.next(collection);

    assertThat(store.next(sibling)).isEqualTo(1);
    assertThat(store.current(collection)).isEqualTo(2);
  }

  @Test
  void concurrentCallersGetDistinctNumbersThatRiseWithinEachCaller() {
    List<List<Long>> perThread = Race.run(THREADS, thread -> {
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < CALLS_PER_THREAD; i++) {
        seen.add(store.next(collection));
      }
      return seen;
    });

    Set<Long> all = new TreeSet<>();
    perThread.forEach(all::addAll);
    assertThat(all).hasSize(THREADS * CALLS_PER_THREAD);
    assertThat(perThread).allSatisfy(seen -> assertThat(seen).isSorted().doesNotHaveDuplicates());
    assertThat(store.current(collection)).isEqualTo(((TreeSet<Long>) all).last());
  }

  @Test
  void aFencedCounterRefusesEveryNextAndReportsTheLastNumber() {
    store.next(collection);
    store.next(collection);

    assertThat(store.fence(collection)).isEqualTo(2);
    assertThatThrownBy(() -> store.next(collection)).isInstanceOf(CollectionFencedException.class)
        .hasMessageContaining(collection.toString())
        .satisfies(e -> assertThat(((CollectionFencedException) e).isTransient()).isTrue());
    assertThat(store.fence(collection)).as("fencing again changes nothing").isEqualTo(2);
    assertThat(store.current(collection)).isEqualTo(2);
    assertThat(store.next(siblingOf(collection))).as("other collections count on").isEqualTo(1);
  }

  @Test
  void aCounterNeverUsedCanBeFencedAtZero() {
    assertThat(store.fence(collection)).isZero();
    assertThatThrownBy(() -> store.next(collection)).isInstanceOf(CollectionFencedException.class);
  }

  @Test
  void reopenLiftsTheFenceAndNeverLowersTheCounter() {
    store.next(collection);
    store.fence(collection);

    store.reopen(collection, 10);
    assertThat(store.next(collection)).isEqualTo(11);
    store.reopen(collection, 3);
    assertThat(store.next(collection)).as("a lower floor keeps the count").isEqualTo(12);
  }

  @Test
  void reopenStartsANewCounterAtItsFloor() {
    store.reopen(collection, 41);

    assertThat(store.next(collection)).isEqualTo(42);
  }

  // ------------------------------------------------------------------ the hard-delete mark

  @Test
  void aDrawSaysWhetherTheCollectionWasEverMarkedAndTheMarkStays() {
    RouteContext sibling = siblingOf(collection);
    assertThat(store.draw(collection)).isEqualTo(new CvDraw(1, false));
    assertThat(store.hardDeleteMarked(collection)).isFalse();

    store.markHardDelete(collection);
    store.markHardDelete(collection);

    assertThat(store.draw(collection)).isEqualTo(new CvDraw(2, true));
    assertThat(store.draw(collection)).as("for good").isEqualTo(new CvDraw(3, true));
    assertThat(store.hardDeleteMarked(collection)).isTrue();
    assertThat(store.draw(sibling)).as("another collection").isEqualTo(new CvDraw(1, false));
  }

  @Test
  void markingLeavesTheCounterAndItsFenceAlone() {
    store.markHardDelete(collection);
    assertThat(store.current(collection)).as("a mark on a collection that never counted").isZero();
    assertThat(store.draw(collection)).isEqualTo(new CvDraw(1, true));
    store.fence(collection);

    store.markHardDelete(collection);

    assertThatThrownBy(() -> store.draw(collection)).isInstanceOf(CollectionFencedException.class);
    assertThat(store.current(collection)).isEqualTo(1);
    store.reopen(collection, 1);
    assertThat(store.draw(collection)).isEqualTo(new CvDraw(2, true));
  }

  @Test
  void aDrawSaysWhetherTheCvBeforeItWasDrawnByTheSameDrawer() {
    assertThat(store.draw(collection, "a").followsOwnDraw()).as("the first cv follows no draw").isFalse();
    assertThat(store.draw(collection, "a").followsOwnDraw()).isTrue();
    assertThat(store.draw(collection, "b").followsOwnDraw()).as("another drawer's").isFalse();
    assertThat(store.draw(collection, "a").followsOwnDraw()).as("b drew in between").isFalse();
    CvDraw again = store.draw(collection, "a");
    assertThat(again.followsOwnDraw()).isTrue();
    assertThat(again.cv()).isEqualTo(5);
    assertThat(store.draw(collection).followsOwnDraw()).as("a draw by no one").isFalse();
    assertThat(store.draw(collection).followsOwnDraw()).as("no one never follows its own").isFalse();
    assertThat(store.draw(collection, "a").followsOwnDraw()).isFalse();
  }

  @Test
  void theLastDrawerIsKeptPerCollection() {
    RouteContext sibling = newCollection();
    store.draw(collection, "a");
    store.draw(sibling, "b");

    assertThat(store.draw(collection, "a").followsOwnDraw()).isTrue();
    assertThat(store.draw(sibling, "a").followsOwnDraw()).isFalse();
  }
}
