package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.ApiKey;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import io.udm.http.HttpTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: Prometheus text of the UDM's meters, for admin keys only. */
class HttpMetricsTest {
  private static final String ADMIN_KEY = "metrics-admin-key-0123456789";
  private static final String TENANT_KEY = "metrics-tenant-key-0123456789";
  private static final String USERS = "/v1/t/acme/crm/users";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final UdmConfig config = UdmConfig.builder()
      .http(HttpConfig.builder().port(0)
          .addApiKeys(ApiKey.builder().name("acme").key(TENANT_KEY).addTenants("acme").build())
          .addApiKeys(ApiKey.builder().name("ops").key(ADMIN_KEY).admin(true).build())
          .build())
      .build();
  private final Udm udm = Udms.inMemory(config, UdmOptions.builder().meterRegistry(registry).build());
  private UdmHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    udm.close();
  }

  @Test
  void anAdminKeyGetsEveryMeterInValidPrometheusText() {
    server = UdmHttpServer.start(udm, config, registry::scrape);
    HttpTestClient http = new HttpTestClient(server.port());
    for (String name : new String[] {"Ada", "Bob"}) {
      assertThat(http.send("POST", USERS + "/items", "{\"name\": \"" + name + "\"}", bearer(TENANT_KEY)).status())
          .isEqualTo(201);
    }
    assertThat(http.send("GET", USERS + "/items/no-such-item", null, bearer(TENANT_KEY)).status()).isEqualTo(404);

    Answer metrics = http.send("GET", "/metrics", null, bearer(ADMIN_KEY));

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).hasValue(MetricsScrape.PROMETHEUS_TEXT);
    assertThat(PrometheusText.requireValid(metrics.body())).isGreaterThan(10);
    assertThat(metrics.body())
        .contains("udm_operations_seconds_count{api=\"items\",operation=\"create\",outcome=\"success\"} 2")
        .contains("udm_operations_seconds_count{api=\"items\",operation=\"getLatest\",outcome=\"not_found\"} 1")
        .contains("udm_storage_calls_seconds_count{backend=")
        .contains("udm_cache_payload_requests_total{result=\"hit\"}")
        .contains("udm_counters_flush_lag_seconds ")
        .doesNotContain(ADMIN_KEY).doesNotContain(TENANT_KEY);
  }

  @Test
  void metricsNeedAnAdminKey() {
    server = UdmHttpServer.start(udm, config, registry::scrape);
    HttpTestClient http = new HttpTestClient(server.port());

    assertThat(http.send("GET", "/metrics", null).status()).isEqualTo(401);
    assertThat(http.send("GET", "/metrics", null, bearer("not-a-key-0123456789")).status()).isEqualTo(401);
    Answer tenantOnly = http.send("GET", "/metrics", null, bearer(TENANT_KEY));
    assertThat(tenantOnly.status()).isEqualTo(403);
    assertThat(tenantOnly.body()).doesNotContain("udm_operations");
  }

  @Test
  void aServerStartedWithoutMetricsSaysSo() {
    server = UdmHttpServer.start(udm, config);
    Answer answer = new HttpTestClient(server.port()).send("GET", "/metrics", null, bearer(ADMIN_KEY));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.json().path("detail").asText()).contains("meter registry");
  }

  private static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }
}
