package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.Udm;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import io.udm.http.HttpTestClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HEAD is answered like GET without the body; the Allow header of a 405 names it. */
class HttpHeadTest {
  private static final String USERS = "/v1/t/acme/crm/users";
  private final UdmConfig config = UdmConfig.builder().http(HttpConfig.builder().port(0).build()).build();
  private final Udm udm = Udms.inMemory(config);
  private final UdmHttpServer server = UdmHttpServer.start(udm, config);
  private final HttpTestClient http = new HttpTestClient(server.port());

  @AfterEach
  void stop() {
    server.close();
    udm.close();
  }

  @Test
  void headAnswersAsGetWithoutTheBody() {
    String id = http.send("POST", USERS + "/items", "{\"name\": \"Ada\"}").json().get("id").asText();

    Answer get = http.send("GET", USERS + "/items/" + id, null);
    Answer head = http.send("HEAD", USERS + "/items/" + id, null);

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("ETag")).isEqualTo(get.header("ETag")).hasValue("\"1\"");
    assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
    assertThat(head.body()).isEmpty();
    assertThat(http.send("HEAD", USERS + "/items/no-such-item", null).status()).isEqualTo(404);
    assertThat(http.send("HEAD", USERS + "/items", null).status()).isEqualTo(200);
  }

  @Test
  void a405NamesHeadBesideGet() {
    Answer answer = http.send("DELETE", "/v1/health", null);

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow")).hasValue("GET, HEAD");
  }
}
