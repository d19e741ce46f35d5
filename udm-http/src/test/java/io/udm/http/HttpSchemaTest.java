package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.Udm;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.bootstrap.Udms;
import io.udm.http.HttpTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A write that breaks its collection's schema is a 400 problem document listing each violation by pointer. */
class HttpSchemaTest {
  private static final String USERS = "/v1/t/acme/crm/users";
  private final UdmConfig config = UdmConfig.builder().http(HttpConfig.builder().port(0).build())
      .putCollectionMaps("users", CollectionMap.builder().schema(JsonValues.parseObject(
          "{\"type\": \"object\", \"required\": [\"email\"], \"properties\": {\"age\": {\"type\": \"integer\"}}}"))
          .build())
      .build();
  private final Udm udm = Udms.inMemory(config);
  private final UdmHttpServer server = UdmHttpServer.start(udm, config);
  private final HttpTestClient http = new HttpTestClient(server.port());

  @AfterEach
  void stop() {
    server.close();
    udm.close();
  }

  @Test
  void aDocumentBreakingTheSchemaIs400WithOneProblemPerViolation() {
    Answer refused = http.send("POST", USERS + "/items", "{\"age\": \"old\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.json().get("problems")).extracting(p -> p.asText()).containsExactlyInAnyOrder(
        "/: required property 'email' not found", "/age: string found, integer expected");
    assertThat(http.send("GET", USERS + "/items", null).json().get("items")).isEmpty();
    assertThat(http.send("POST", USERS + "/items", "{\"email\": \"a@x.io\", \"age\": 3}").status()).isEqualTo(201);
  }
}
