package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.newCollection;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.Hold;
import io.udm.api.RouteContext;
import io.udm.spi.HoldStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link HoldStore} must do. Each test uses collections and hold ids of its own. */
public abstract class HoldStoreContract {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  /** A store; it may be shared with other tests. */
  protected abstract HoldStore newStore();

  private HoldStore store;
  private RouteContext collection;

  @BeforeEach
  void createStoreAndCollection() {
    store = newStore();
    collection = newCollection();
  }

  private static String newId() {
    return "hold-" + UUID.randomUUID();
  }

  @Test
  void placedHoldsAreListedOldestFirstAndReleasedByIdOnce() {
    Hold onItem = new Hold(newId(), collection, Optional.of("item-1"), "case 1", AT.plusSeconds(5));
    Hold onCollection = new Hold(newId(), collection, Optional.empty(), "audit", AT);
    store.place(onItem);
    store.place(onCollection);
    store.place(new Hold(newId(), newCollection(), Optional.empty(), "elsewhere", AT));

    assertThat(store.holds(collection)).containsExactly(onCollection, onItem);

    assertThat(store.release(onItem.holdId())).hasValue(onItem);
    assertThat(store.release(onItem.holdId())).isEmpty();
    assertThat(store.holds(collection)).containsExactly(onCollection);
  }

  @Test
  void aCollectionWithoutHoldsListsNone() {
    assertThat(store.holds(collection)).isEmpty();
    assertThat(store.release(newId())).isEmpty();
  }
}
