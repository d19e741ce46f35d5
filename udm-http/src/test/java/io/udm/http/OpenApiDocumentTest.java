package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document is valid 3.1 and lists exactly the routes the server serves. */
class OpenApiDocumentTest {
  private static SwaggerParseResult parsed() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIParser().readContents(ServiceHandlers.openApiDocument(), null, options);
  }

  @Test
  void theDocumentIsValidOpenApi31() {
    SwaggerParseResult result = parsed();

    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
  }

  @Test
  void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
    OpenAPI api = parsed().getOpenAPI();
    Set<String> documented = new TreeSet<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
        .forEach(method -> documented.add(method.name() + " " + path)));
    Set<String> served = Arrays.stream(Endpoint.values())
        .map(e -> e.method().toUpperCase(Locale.ROOT) + " " + e.template())
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(documented).isEqualTo(served);
  }

  @Test
  void everyOperationDocumentsItsProblemAnswers() {
    OpenAPI api = parsed().getOpenAPI();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      if (!path.equals("/v1/openapi.yaml")) {
        assertThat(op.getResponses()).as(method + " " + path).containsKeys("401", "403");
      }
      if (path.startsWith("/v1/t/")) {
        assertThat(op.getResponses()).as(method + " " + path).containsKeys("400", "503");
      }
    }));
  }
}
