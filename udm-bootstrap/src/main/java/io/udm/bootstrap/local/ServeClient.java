package io.udm.bootstrap.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.udm.api.error.ExternalizationException;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.error.StorageException;
import io.udm.api.error.TxnException;
import io.udm.api.error.UdmException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calls the HTTP API of the {@code udm serve} running on this machine's local data directory, and
 * turns its problem documents back into the exceptions the Java API would have thrown: a CLI
 * command answered this way costs a JVM start and one local request, instead of starting the
 * MongoDB and S3 clients.
 */
final class ServeClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  /** A 2xx answer: its status and JSON body ({@code null} node when it had none). */
  record Reply(int status, JsonNode body) {}

  private final HttpClient http;
  private final String base;

  ServeClient(String host, int port) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    this.base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code path} with {@code query} (in order; values URL-encoded). */
  static String withQuery(String path, Map<String, String> query) {
    if (query.isEmpty()) {
      return path;
    }
    return path + "?" + query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** One path segment, percent-encoded. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Sends a request; {@code headers} are name, value pairs. A 2xx answer comes back, a problem
   * document is thrown as the API's exception, and 202 (queued for retry) as {@link
   * QueuedForRetryException}.
   */
  Reply send(String method, String pathAndQuery, Optional<JsonNode> body, List<String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT)
        .method(method, body.map(b -> HttpRequest.BodyPublishers.ofByteArray(JsonValues.toBytes(b)))
            .orElse(HttpRequest.BodyPublishers.noBody()));
    body.ifPresent(b -> request.header("Content-Type", "application/json"));
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new StorageException("the udm serve running on this data directory (" + base + ") did not answer ("
          + e.getClass().getSimpleName() + "); stop it and run the command again", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for the running udm serve", true);
    }
    JsonNode json = response.body().length == 0 ? NullNode.getInstance() : JsonValues.fromBytes(response.body());
    if (response.statusCode() == 202) {
      throw new QueuedForRetryException(json.path("requestId").asText(), json.path("detail").asText(), null);
    }
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      return new Reply(response.statusCode(), json);
    }
    throw problem(response.statusCode(), json, response.headers().firstValue("Retry-After").isPresent());
  }

  /** The exception the Java API throws for what the service answered with this problem document. */
  static UdmException problem(int status, JsonNode problem, boolean retryable) {
    String detail = problem.path("detail").asText("the running udm serve answered " + status);
    List<String> problems = new ArrayList<>();
    problem.path("problems").forEach(p -> problems.add(p.asText()));
    return switch (status) {
      case 400, 413 -> "Invalid content".equals(problem.path("title").asText())
          ? new ExternalizationException(problems.isEmpty() ? List.of(detail) : problems)
          : problems.isEmpty() ? new ValidationException(detail) : new ValidationException(problems);
      case 404 -> new NotFoundException(detail);
      case 409, 412 -> problem.has("actualOv")
          ? new OptimisticLockException(detail, problem.path("expectedOv").asLong(), problem.path("actualOv").asLong())
          : new TxnException(detail);
      default -> new StorageException(detail, retryable || status == 503);
    };
  }
}
