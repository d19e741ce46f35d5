package io.udm.http;

import io.udm.api.Udm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The resources about the service itself: health (admin keys) and the OpenAPI document (anyone). */
final class ServiceHandlers {
  static final String OPENAPI_RESOURCE = "/io/udm/http/openapi.yaml";

  private final Udm udm;
  private final String openApi;

  ServiceHandlers(Udm udm) {
    this.udm = udm;
    this.openApi = openApiDocument();
  }

  Response health(HttpCall call) {
    call.noQuery();
    if (!call.caller().admin()) {
      throw HttpProblem.forbidden("health needs an admin API key");
    }
    return Response.json(200, JsonViews.health(udm.admin().health()));
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
