package io.udm.http;

import io.udm.api.Udm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The resources about the service itself: health and metrics (admin keys) and the OpenAPI
 * document (anyone).
 */
final class ServiceHandlers {
  static final String OPENAPI_RESOURCE = "/io/udm/http/openapi.yaml";

  private final Udm udm;
  private final Optional<MetricsScrape> metrics;
  private final String openApi;

  ServiceHandlers(Udm udm, Optional<MetricsScrape> metrics) {
    this.udm = udm;
    this.metrics = metrics;
    this.openApi = openApiDocument();
  }

  Response health(HttpCall call) {
    call.noQuery();
    if (!call.caller().admin()) {
      throw HttpProblem.forbidden("health needs an admin API key");
    }
    return Response.json(200, JsonViews.health(udm.admin().health()));
  }

  Response metrics(HttpCall call) {
    call.noQuery();
    if (!call.caller().admin()) {
      throw HttpProblem.forbidden("metrics need an admin API key");
    }
    MetricsScrape scrape = metrics.orElseThrow(() -> HttpProblem.notFound(
        "this server reports no metrics; start it with a meter registry (udm serve does)"));
    return Response.text(200, MetricsScrape.PROMETHEUS_TEXT, scrape.scrape());
  }

  Response openApi(HttpCall call) {
    call.noQuery();
    return Response.text(200, "application/yaml", openApi);
  }

  /** The hand-written OpenAPI 3.1 document shipped in this jar. */
  static String openApiDocument() {
    try (InputStream in = ServiceHandlers.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + OPENAPI_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
    }
  }
}
