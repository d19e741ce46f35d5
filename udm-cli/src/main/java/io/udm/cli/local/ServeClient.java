package io.udm.cli.local;

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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
  private static final int CONNECT_TIMEOUT_MS = 2_000;
  private static final int READ_TIMEOUT_MS = 300_000;

  /** A 2xx answer: its status and JSON body ({@code null} node when it had none). */
  record Reply(int status, JsonNode body) {}

  private final String base;

  ServeClient(String host, int port) {
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
    int status;
    byte[] answer;
    boolean retryable;
    try {
      // HttpURLConnection, not java.net.http: that client sets up TLS (the trust store) even for
      // plain http, which costs a short command about 0.2 s.
      HttpURLConnection connection = (HttpURLConnection) URI.create(base + pathAndQuery).toURL().openConnection();
      connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
      connection.setReadTimeout(READ_TIMEOUT_MS);
      connection.setRequestMethod(method);
      for (int i = 0; i < headers.size(); i += 2) {
        connection.setRequestProperty(headers.get(i), headers.get(i + 1));
      }
      if (body.isPresent()) {
        byte[] bytes = JsonValues.toBytes(body.get());
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(bytes);
        }
      }
      status = connection.getResponseCode();
      retryable = connection.getHeaderField("Retry-After") != null;
      try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
        answer = in == null ? new byte[0] : in.readAllBytes();
      }
    } catch (IOException e) {
      throw new StorageException("the udm serve running on this data directory (" + base + ") did not answer ("
          + e.getClass().getSimpleName() + "); stop it and run the command again", true);
    }
    JsonNode json = answer.length == 0 ? NullNode.getInstance() : JsonValues.fromBytes(answer);
    if (status == 202) {
      throw new QueuedForRetryException(json.path("requestId").asText(), json.path("detail").asText(), null);
    }
    if (status >= 200 && status < 300) {
      return new Reply(status, json);
    }
    throw problem(status, json, retryable);
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
