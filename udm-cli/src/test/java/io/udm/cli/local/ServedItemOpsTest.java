package io.udm.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.ChangeQuery;
import io.udm.api.ItemOps;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.ValidationException;
import io.udm.bootstrap.Udms;
import io.udm.http.UdmHttpServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Item operations answered by a running serve over HTTP give what the Java API gives: the same
 * values for every read, the same exceptions (with their figures) for every refusal; and what the
 * HTTP API cannot express goes to the direct operations.
 */
class ServedItemOpsTest {
  private final RouteContext ctx = RouteContext.of("acme", "crm", "users");
  private final UdmConfig config = UdmConfig.builder()
      .putCollectionMaps("users", CollectionMap.builder().addIndexedProps("status").build())
      .http(HttpConfig.builder().port(0).build()).build();
  private final Udm udm = Udms.inMemory(config);
  private final UdmHttpServer server = UdmHttpServer.start(udm, config);
  private final AtomicInteger directCalls = new AtomicInteger();
  private final ItemOps direct = udm.with(ctx);
  private final ItemOps served = new ServedItemOps(new ServeClient("127.0.0.1", server.port()), ctx, () -> {
    directCalls.incrementAndGet();
    return direct;
  });

  @AfterEach
  void stop() {
    server.close();
    udm.close();
  }

  @Test
  void writesAndReadsOverHttpEqualTheJavaApis() {
    String id = served.create(Map.of("name", "Ada", "status", "trial"),
        WriteOptions.builder().actor("alice").reason("signup").requestId("req-1").build()).id();
    served.update(id, Map.of("name", "Ada", "status", "active"), WriteOptions.builder().expectedOv(1).build());
    served.create(Map.of("name", "Bob", "status", "active"), WriteOptions.builder().objectId("bob").build());
    served.delete("bob", WriteOptions.none());

    assertThat(served.getLatest(id)).isEqualTo(direct.getLatest(id));
    assertThat(served.getVersion(id, 1)).isEqualTo(direct.getVersion(id, 1));
    assertThat(served.getAsOf(id, direct.getLatest(id).orElseThrow().at())).isEqualTo(direct.getLatest(id));
    assertThat(served.getLatest("bob")).isEmpty();
    assertThat(served.getLatest("bob", ReadOptions.builder().includeDeleted(true).build()))
        .isEqualTo(direct.getLatest("bob", ReadOptions.builder().includeDeleted(true).build()));
    assertThat(served.getLatest("nobody")).isEmpty();
    assertThat(served.history(id)).isEqualTo(direct.history(id)).hasSize(2);
    assertThat(served.history("nobody")).isEmpty();
    assertThat(served.diff(id, 1, 2)).isEqualTo(direct.diff(id, 1, 2));
    ListOptions page = ListOptions.builder().limit(1).includeDeleted(true).build();
    assertThat(served.listByMeta(MetaQuery.all(), page)).isEqualTo(direct.listByMeta(MetaQuery.all(), page));
    for (boolean ascending : new boolean[] {true, false}) {
      ListOptions sorted = ListOptions.builder().sortBy("status", ascending).includeDeleted(true).build();
      assertThat(served.listByMeta(MetaQuery.all(), sorted)).as("sorted ascending: %s", ascending)
          .isEqualTo(direct.listByMeta(MetaQuery.all(), sorted));
    }
    ChangeQuery changes = ChangeQuery.builder().includeData(true).build();
    assertThat(served.changes(changes)).isEqualTo(direct.changes(changes));
    assertThat(directCalls).hasValue(0);
  }

  @Test
  void refusalsComeBackAsTheApisExceptions() {
    String id = served.create(Map.of("name", "Ada")).id();

    assertThatThrownBy(() -> served.update(id, Map.of("name", "x"), WriteOptions.builder().expectedOv(7).build()))
        .isInstanceOfSatisfying(OptimisticLockException.class, e -> {
          assertThat(e.expectedOv()).isEqualTo(7);
          assertThat(e.actualOv()).isEqualTo(1);
        });
    assertThatThrownBy(() -> served.update("nobody", Map.of("name", "x"))).isInstanceOf(NotFoundException.class);
    Throwable viaHttp = org.assertj.core.api.Assertions.catchThrowable(
        () -> served.create(Map.of("_system", Map.of("ov", 1))));
    Throwable viaJava = org.assertj.core.api.Assertions.catchThrowable(
        () -> direct.create(Map.of("_system", Map.of("ov", 1))));
    assertThat(viaHttp).isInstanceOf(ValidationException.class).hasMessage(viaJava.getMessage());
    assertThat(((ValidationException) viaHttp).problems()).isEqualTo(((ValidationException) viaJava).problems());
  }

  @Test
  void whatHttpCannotSayGoesDirect() {
    String id = served.create(Map.of("name", "Ada", "status", "active")).id();

    served.listByMeta(MetaQuery.of(Map.of("status", "active")), ListOptions.defaults());
    served.enrich(id, Map.of("score", 1), io.udm.api.EnrichOptions.builder().functionId("scorer@v1").build());

    assertThat(directCalls).hasValue(2);
    assertThat(direct.getLatest(id).orElseThrow().data().path("score").asInt()).isEqualTo(1);
  }
}
