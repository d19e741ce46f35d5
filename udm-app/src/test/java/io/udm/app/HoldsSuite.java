package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.HardDeleteOptions;
import io.udm.api.Hold;
import io.udm.api.ItemOps;
import io.udm.api.MaintenanceApi;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.api.error.LegalHoldException;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.ValidationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Legal holds: retention keeps every version of a held item (or of every item of a held
 * collection) and prunes the others; a hard delete of held data is refused until the hold is
 * released; writes and reads go on. Each wiring runs it on its own stores.
 */
public abstract class HoldsSuite {
  private final RouteContext users = RouteContext.of(TestStores.tenant("acme"), "crm", "users");
  private final Udm udm;
  private final ItemOps ops;
  private final MaintenanceApi maintenance;

  protected HoldsSuite(TestStores stores) {
    MutableClock clock = stores.clock("2026-01-01T00:00:00Z");
    udm = TestUdms.open(UdmConfig.builder().hardDeleteEnabled(true)
        .retention(RetentionConfig.builder().ver(VersionRetention.builder().maxPerItem(1).build()).build()).build(),
        stores.ports(clock), clock, MemoryPorts.sequentialIds());
    ops = udm.with(users);
    maintenance = udm.maintenance();
  }

  @AfterEach
  void close() {
    udm.close();
  }

  private String itemWithVersions(int versions) {
    String id = ops.create(Map.of("v", 1)).id();
    for (int v = 2; v <= versions; v++) {
      ops.update(id, Map.of("v", v), WriteOptions.none());
    }
    return id;
  }

  @Test
  void retentionKeepsEveryVersionOfAHeldItemAndPrunesTheOthers() {
    String held = itemWithVersions(4);
    String free = itemWithVersions(4);
    Hold hold = maintenance.placeHold(users, Optional.of(held), "case 2026-114");

    assertThat(maintenance.applyRetention(users).versionsPruned()).isEqualTo(3);

    assertThat(ops.history(held)).hasSize(4);
    assertThat(ops.history(free)).hasSize(1);
    assertThat(hold.itemId()).hasValue(held);
    assertThat(maintenance.listHolds(users)).containsExactly(hold);
    assertThat(ops.update(held, Map.of("v", 5), WriteOptions.none()).ov()).as("writes go on").isEqualTo(5);
    assertThat(ops.getLatest(held).orElseThrow().ov()).isEqualTo(5);

    maintenance.releaseHold(hold.holdId());
    assertThat(maintenance.listHolds(users)).isEmpty();
    assertThat(maintenance.applyRetention(users).versionsPruned()).isEqualTo(4);
  }

  @Test
  void aHardDeleteIsRefusedNamingTheHoldUntilItIsReleased() {
    String held = itemWithVersions(2);
    Hold hold = maintenance.placeHold(users, Optional.of(held), "litigation 7");

    assertThatThrownBy(() -> maintenance.hardDelete(users, held, HardDeleteOptions.confirmed()))
        .isInstanceOf(LegalHoldException.class)
        .hasMessageContaining(hold.holdId()).hasMessageContaining("litigation 7")
        .satisfies(e -> assertThat(((LegalHoldException) e).holdId()).isEqualTo(hold.holdId()));
    assertThat(ops.history(held)).hasSize(2);

    maintenance.releaseHold(hold.holdId());
    assertThat(maintenance.hardDelete(users, held, HardDeleteOptions.confirmed()).versionsRemoved()).isEqualTo(2);
  }

  @Test
  void aCollectionHoldCoversEveryItemOfItOnly() {
    String a = itemWithVersions(3);
    String b = itemWithVersions(3);
    RouteContext others = RouteContext.of(users.tenantId(), "crm", "others");
    ItemOps elsewhere = udm.with(others);
    String c = elsewhere.create(Map.of("v", 1)).id();
    elsewhere.update(c, Map.of("v", 2), WriteOptions.none());
    Hold hold = maintenance.placeHold(users, Optional.empty(), "audit");

    assertThat(maintenance.applyRetention(users).versionsPruned()).isZero();
    assertThat(maintenance.applyRetention(others).versionsPruned()).isEqualTo(1);
    assertThatThrownBy(() -> maintenance.hardDelete(users, b, HardDeleteOptions.confirmed()))
        .isInstanceOf(LegalHoldException.class).hasMessageContaining("collection");
    assertThat(ops.history(a)).hasSize(3);
    assertThat(maintenance.listHolds(others)).isEmpty();
    assertThat(maintenance.listHolds(users)).extracting(Hold::holdId).containsExactly(hold.holdId());
  }

  @Test
  void badRequestsAreTypedErrors() {
    assertThatThrownBy(() -> maintenance.placeHold(users, Optional.empty(), " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> maintenance.placeHold(users, Optional.of("../x"), "r"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> maintenance.releaseHold("hold-none")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("hold-none");
  }
}
