package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VersionInfo;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.app.Seeds;
import io.udm.bootstrap.Udms;
import io.udm.http.MixedWorkload.ItemState;
import io.udm.http.MixedWorkload.Kind;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients x 200 mixed requests: every request is answered, rightly (each client checks
 * every answer against what it wrote), no 5xx, and afterwards the collection holds exactly the
 * acknowledged items, each at its acknowledged ov and data with one version per acknowledged write.
 */
class HttpConcurrencyTest {
  private static final int CLIENTS = 32;
  private static final int REQUESTS_EACH = 200;

  @Test
  void thirtyTwoClientsOfTwoHundredMixedRequestsSeeNo5xxAndLoseNoAcknowledgedWrite() throws Exception {
    long seed = Seeds.seed("HttpConcurrencyTest");
    UdmConfig config = UdmConfig.builder().http(HttpConfig.builder().port(0).build()).build();
    try (Udm udm = Udms.inMemory(config); UdmHttpServer server = UdmHttpServer.start(udm, config)) {
      HttpTestClient http = new HttpTestClient(server.port());

      MixedWorkload.Result result = MixedWorkload.run(
          WorkloadClients.http(http, "/v1/t/acme/crm/load", null), CLIENTS, REQUESTS_EACH, seed);

      assertThat(result.serverErrors()).as("5xx answers").isZero();
      assertThat(result.failures().subList(0, Math.min(10, result.failures().size())))
          .as("refused requests and wrong answers (%d, the first 10 shown)", result.failures().size()).isEmpty();
      assertThat(result.completed()).as("requests answered").isEqualTo(CLIENTS * REQUESTS_EACH);
      assertThat(result.latenciesNanos()).hasSize(CLIENTS * REQUESTS_EACH);
      assertThat(LongStream.of(result.latenciesNanos()).filter(nanos -> nanos <= 0).count())
          .as("latency slots no completed request filled").isZero();
      // The workload's mix (30% creates, 20% updates, 40% reads, 10% listings) ran, not one kind only.
      assertThat(result.requestsByKind()).containsOnlyKeys(Kind.values());
      assertThat(result.acknowledged()).as("one item per acknowledged create").hasSize(result.requests(Kind.CREATE));
      long acknowledgedUpdates = result.acknowledged().values().stream().mapToLong(state -> state.ov() - 1).sum();
      assertThat(acknowledgedUpdates).as("versions beyond the first, one per acknowledged update")
          .isEqualTo(result.requests(Kind.UPDATE));

      ItemOps items = udm.with(RouteContext.of("acme", "crm", "load"));
      for (ItemState written : result.acknowledged().values()) {
        ItemView latest = items.getLatest(written.id()).orElseThrow(() -> new AssertionError("lost " + written));
        assertThat(new ItemState(latest.id(), latest.ov(), latest.data().path("email").textValue()))
            .as("the item after the run").isEqualTo(written);
        assertThat(items.history(written.id())).extracting(VersionInfo::ov).as("history of %s", written.id())
            .containsExactlyElementsOf(LongStream.rangeClosed(1, written.ov()).boxed().toList());
      }
      assertThat(allIds(items)).as("the collection holds the acknowledged items, nothing else")
          .isEqualTo(result.acknowledged().keySet());
      System.out.printf("HTTP, %d clients x %d: %.0f requests/s, p99 %.1f ms, %s%n", CLIENTS, REQUESTS_EACH,
          result.requestsPerSecond(), result.percentileMillis(99), result.requestsByKind());
    }
  }

  private static Set<String> allIds(ItemOps items) {
    Set<String> ids = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages < 1000; pages++) {
      ListOptions.Builder page = ListOptions.builder();
      page.limit(500);
      cursor.ifPresent(page::cursor);
      Page<ItemView> answer = items.listByMeta(MetaQuery.all(), page.build());
      answer.items().forEach(view -> assertThat(ids.add(view.id())).as("%s listed once", view.id()).isTrue());
      cursor = answer.nextCursor();
      if (cursor.isEmpty()) {
        return ids;
      }
    }
    throw new AssertionError("the listing did not end within 1000 pages");
  }
}
