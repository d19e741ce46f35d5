package io.udm.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies as JSON objects within limits: at most {@code maxBytes} (413 as soon as a
 * body passes it, without reading the rest) and nested at most {@code maxDepth} deep (400), so no
 * request can make the server hold or recurse over more than it allows.
 */
final class JsonBodies {
  private final long maxBytes;
  private final ObjectMapper mapper;

  JsonBodies(long maxBytes, int maxDepth) {
    this.maxBytes = maxBytes;
    StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(maxDepth).build();
    this.mapper = JsonValues.mapper().copy()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.mapper.getFactory().setStreamReadConstraints(constraints);
    this.mapper.getFactory().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
  }

  long maxBytes() {
    return maxBytes;
  }

  /** The body as a JSON object; {@code declaredLength} is Content-Length (-1 when chunked). */
  ObjectNode readObject(InputStream body, long declaredLength) {
    if (declaredLength > maxBytes) {
      throw HttpProblem.tooLarge(maxBytes);
    }
    JsonNode node;
    try (InputStream bounded = new BoundedInputStream(body, maxBytes)) {
      node = mapper.readTree(bounded);
    } catch (BoundedInputStream.LimitExceeded e) {
      throw HttpProblem.tooLarge(maxBytes);
    } catch (JsonProcessingException e) {
      throw HttpProblem.badRequest("the body is not valid JSON: " + firstLine(e.getOriginalMessage())
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw HttpProblem.badRequest("the body could not be read completely");
    }
    if (node == null || node.isMissingNode()) {
      throw HttpProblem.badRequest("the body is empty; send a JSON object");
    }
    if (!node.isObject()) {
      throw HttpProblem.badRequest("the body must be a JSON object, found " + JsonValues.describe(node));
    }
    return (ObjectNode) node;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** Counts what is read and fails once more than the limit arrives. */
  static final class BoundedInputStream extends InputStream {
    static final class LimitExceeded extends IOException {
      LimitExceeded() {
        super("body limit exceeded", null);
      }
    }

    private final InputStream in;
    private final long limit;
    private long read;

    BoundedInputStream(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws LimitExceeded {
      read += n;
      if (read > limit) {
        throw new LimitExceeded();
      }
    }

    @Override
    public void close() {
      // The exchange owns the stream: closing it is the server's business.
    }
  }
}
