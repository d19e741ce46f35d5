package io.udm.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** java.net.http against a server on a loopback port: one call, one {@link Answer}. */
public final class HttpTestClient {
  /** A response: status, headers and body (parsed as JSON when it is JSON). */
  public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JsonValues.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public HttpTestClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** {@code headers} are name, value pairs; a null body sends none; JSON bodies get Content-Type JSON. */
  public Answer send(String method, String path, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !typed) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(b.build());
  }

  public Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  /** A Bearer header pair for {@link #send}. */
  public static String[] bearer(String key, String... more) {
    String[] out = new String[more.length + 2];
    out[0] = "Authorization";
    out[1] = "Bearer " + key;
    System.arraycopy(more, 0, out, 2, more.length);
    return out;
  }
}
