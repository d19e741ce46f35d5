package io.udm.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.RouteContext;
import io.udm.api.config.RoutingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendezvousRouterTest {
  private static final RoutingConfig DEFAULT_ROUTING = RoutingConfig.builder().build();
  private static final RouteContext USERS = RouteContext.of("t1", "db", "users");

  @Test
  void theDefaultRoutingKeyIsTenantDbAndCollection() {
    RendezvousRouter router = new RendezvousRouter(List.of("b0"), DEFAULT_ROUTING);

    assertThat(router.routingKey(USERS)).isEqualTo("t1|db|users");
  }

  @Test
  void theRoutingKeyFollowsTheOrderOfChooseKey() {
    RoutingConfig byTenantOnly = RoutingConfig.builder().chooseKey("collection|tenantId").build();
    RendezvousRouter router = new RendezvousRouter(List.of("b0"), byTenantOnly);

    assertThat(router.routingKey(USERS)).isEqualTo("users|t1");
  }

  @Test
  void aTenantOnlyKeyPutsAllOfATenantsCollectionsTogether() {
    RoutingConfig byTenant = RoutingConfig.builder().chooseKey("tenantId").build();
    RendezvousRouter router = new RendezvousRouter(tenBackends(), byTenant);

    int usersBackend = router.choose(USERS);
    for (int i = 0; i < 50; i++) {
      assertThat(router.choose(RouteContext.of("t1", "db" + i, "c" + i))).isEqualTo(usersBackend);
    }
  }

  @Test
  void theOriginalObjectIdSuffixNeverChangesWhereACollectionGoes() {
    RoutingConfig suffixed = RoutingConfig.builder().chooseKey("tenantId|dbName|collection:objectId").build();
    RendezvousRouter plain = new RendezvousRouter(tenBackends(), DEFAULT_ROUTING);
    RendezvousRouter withSuffix = new RendezvousRouter(tenBackends(), suffixed);

    for (int i = 0; i < 200; i++) {
      RouteContext ctx = RouteContext.of("t" + (i % 7), "db" + (i % 3), "c" + i);
      assertThat(withSuffix.routingKey(ctx)).as("routing key of %s", ctx).isEqualTo(plain.routingKey(ctx));
      assertThat(withSuffix.choose(ctx)).as("backend of %s", ctx).isEqualTo(plain.choose(ctx));
    }
  }

  @Test
  void theObjectIdSuffixIsOnlyIgnoredAtTheEndOfTheKey() {
    RoutingConfig midKey = RoutingConfig.builder().chooseKey("collection:objectId|tenantId").build();

    assertThatThrownBy(() -> new RendezvousRouter(List.of("b0"), midKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown part 'collection:objectId'");
  }

  @Test
  void theChosenBackendHasTheHighestScore() {
    List<String> ids = tenBackends();
    RendezvousRouter router = new RendezvousRouter(ids, DEFAULT_ROUTING);

    int chosen = router.choose(USERS);

    long chosenScore = RendezvousRouter.score("t1|db|users", ids.get(chosen));
    for (String id : ids) {
      assertThat(Long.compareUnsigned(chosenScore, RendezvousRouter.score("t1|db|users", id))).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void aSingleBackendTakesEverything() {
    RendezvousRouter router = new RendezvousRouter(List.of("only"), DEFAULT_ROUTING);

    assertThat(router.choose(USERS)).isZero();
  }

  @Test
  void backendIdsAreKeptInOrderAndCannotBeChangedFromOutside() {
    List<String> ids = new ArrayList<>(List.of("b0", "b1"));
    RendezvousRouter router = new RendezvousRouter(ids, DEFAULT_ROUTING);
    ids.add("b2");

    assertThat(router.backendIds()).containsExactly("b0", "b1");
    assertThatThrownBy(() -> router.backendIds().add("b3")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEmptyBackendListIsRejected() {
    assertThatThrownBy(() -> new RendezvousRouter(List.of(), DEFAULT_ROUTING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one backend");
  }

  @Test
  void duplicateBackendIdsAreRejected() {
    assertThatThrownBy(() -> new RendezvousRouter(List.of("b0", "b1", "b0"), DEFAULT_ROUTING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b0' appears twice");
  }

  @Test
  void aBlankBackendIdIsRejected() {
    assertThatThrownBy(() -> new RendezvousRouter(List.of("b0", " "), DEFAULT_ROUTING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void anUnknownChooseKeyPartIsRejected() {
    RoutingConfig typo = RoutingConfig.builder().chooseKey("tenantId|database").build();

    assertThatThrownBy(() -> new RendezvousRouter(List.of("b0"), typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown part 'database'");
  }

  @Test
  void aRepeatedChooseKeyPartIsRejected() {
    RoutingConfig repeated = RoutingConfig.builder().chooseKey("tenantId|tenantId").build();

    assertThatThrownBy(() -> new RendezvousRouter(List.of("b0"), repeated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void anUnsupportedHashAlgoIsRejected() {
    RoutingConfig modulo = RoutingConfig.builder().hashAlgo("modulo").build();

    assertThatThrownBy(() -> new RendezvousRouter(List.of("b0"), modulo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'modulo' is not supported");
  }

  private static List<String> tenBackends() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add("backend-" + i);
    }
    return ids;
  }
}
