package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 32 concurrent clients x 200 mixed requests: no 5xx, and every acknowledged write is there. */
class HttpConcurrencyTest {
  @Test
  void thirtyTwoClientsOfTwoHundredMixedRequestsSeeNo5xxAndLoseNoAcknowledgedWrite() throws Exception {
    UdmConfig config = UdmConfig.builder().http(HttpConfig.builder().port(0).build()).build();
    try (Udm udm = Udms.inMemory(config); UdmHttpServer server = UdmHttpServer.start(udm, config)) {
      HttpTestClient http = new HttpTestClient(server.port());

      MixedWorkload.Result result = MixedWorkload.run(
          WorkloadClients.http(http, "/v1/t/acme/crm/load", null), 32, 200, 17);

      assertThat(result.serverErrors()).isZero();
      assertThat(result.failures()).as("failed requests").isEmpty();
      assertThat(result.latenciesNanos()).hasSize(6400);
      ItemOps items = udm.with(RouteContext.of("acme", "crm", "load"));
      for (Map.Entry<String, Long> written : result.acknowledged().entrySet()) {
        assertThat(items.getLatest(written.getKey())).as(written.getKey())
            .hasValueSatisfying(view -> assertThat(view.ov()).isEqualTo(written.getValue()));
      }
      System.out.printf("HTTP, 32 clients x 200: %.0f requests/s, p99 %.1f ms%n", result.requestsPerSecond(),
          result.percentileMillis(99));
    }
  }
}
