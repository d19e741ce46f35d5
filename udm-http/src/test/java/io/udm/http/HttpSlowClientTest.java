package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.Udm;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.Udms;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and silent clients never hold the service: with one worker, hundreds of idle connections,
 * half-sent request lines and half-sent bodies leave every other caller answered; a request whose
 * headers or body are held back past their timeout is dropped, and delivering the rest afterwards
 * changes nothing.
 */
class HttpSlowClientTest {
  private static final String USERS = "/v1/t/acme/crm/users";
  private static final int TIMEOUT_MS = 300;
  /** How long a test waits for the server to drop a connection before it fails; far past the timeouts. */
  private static final int DROP_WAIT_MS = 15_000;

  private final UdmConfig config = UdmConfig.builder().http(HttpConfig.builder().port(0).threads(1)
      .headerTimeoutMs(TIMEOUT_MS).readTimeoutMs(TIMEOUT_MS).build()).build();
  private final Udm udm = Udms.inMemory(config);
  private final UdmHttpServer server = UdmHttpServer.start(udm, config);
  private final HttpTestClient http = new HttpTestClient(server.port());
  private final List<Socket> held = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Socket s : held) {
      s.close();
    }
    server.close();
    udm.close();
  }

  @Test
  void idleAndHalfSentRequestsLeaveOtherCallersAnswered() throws IOException {
    UdmConfig patient = UdmConfig.builder().http(HttpConfig.builder().port(0).threads(1).build()).build();
    try (Udm other = Udms.inMemory(patient); UdmHttpServer slowTarget = UdmHttpServer.start(other, patient)) {
      for (int i = 0; i < 200; i++) {
        held.add(connect(slowTarget.port()));
      }
      for (int i = 0; i < 50; i++) {
        send(connect(slowTarget.port()), "G");
      }
      for (int i = 0; i < 50; i++) {
        send(connect(slowTarget.port()), "POST " + USERS + "/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n{\"na");
      }
      HttpTestClient client = new HttpTestClient(slowTarget.port());
      for (int i = 0; i < 20; i++) {
        HttpTestClient.Answer created = client.send("POST", USERS + "/items", "{\"name\": \"Ada\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(client.send("GET", USERS + "/items/" + created.json().get("id").asText(), null).status())
            .isEqualTo(200);
      }
      assertThat(client.send("GET", "/v1/health", null).status()).isEqualTo(200);
    }
  }

  @Test
  void headersHeldBackPastTheTimeoutAreDroppedAndTheirLateRestIsNotServed() throws Exception {
    Socket socket = connect(server.port());
    send(socket, "POST " + USERS + "/items HTTP/1.1\r\nHost: x\r\n");

    assertThat(droppedByServer(socket)).as("the connection is closed once headerTimeoutMs passed").isTrue();
    assertThat(lateRestIsRefused(socket, "Content-Type: application/json\r\nContent-Length: 14\r\n\r\n"
        + "{\"name\":\"Ada\"}")).isTrue();
    assertThat(http.send("GET", USERS + "/items", null).json().get("items")).isEmpty();
  }

  @Test
  void aBodyHeldBackPastTheTimeoutIsDroppedAndNothingIsWritten() throws Exception {
    Socket socket = connect(server.port());
    send(socket, "POST " + USERS + "/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 14\r\n\r\n{\"na");

    assertThat(droppedByServer(socket)).as("the connection is closed once readTimeoutMs passed").isTrue();
    assertThat(lateRestIsRefused(socket, "me\":\"Ada\"}")).isTrue();
    assertThat(http.send("GET", USERS + "/items", null).json().get("items")).isEmpty();
  }

  @Test
  void aRequestSentWithinTheTimeoutsIsServedOnTheSameKindOfSocket() throws Exception {
    Socket socket = connect(server.port());
    send(socket, "POST " + USERS + "/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 14\r\nConnection: close\r\n\r\n{\"name\":\"Ada\"}");

    String answer = readAll(socket);
    assertThat(answer).startsWith("HTTP/1.1 201");
    assertThat(http.send("GET", USERS + "/items", null).json().get("items")).hasSize(1);
  }

  private Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(DROP_WAIT_MS);
    held.add(socket);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** True when the server closes the connection (end of stream or reset) without answering. */
  private static boolean droppedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true;
    }
  }

  /** The rest of a dropped request, delivered late: it is refused or unanswered, never served. */
  private static boolean lateRestIsRefused(Socket socket, String rest) {
    try {
      send(socket, rest);
      return socket.getInputStream().read() == -1;
    } catch (IOException e) {
      return true;
    }
  }

  private static String readAll(Socket socket) throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
  }
}
