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

/**
 * Reads request bodies as JSON objects within limits: at most {@code maxBytes} (the server refuses
 * a longer body with 413 as it arrives) and nested at most {@code maxDepth} deep (400), so no
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

  /** The body, already read within {@link #maxBytes()}, as a JSON object. */
  ObjectNode readObject(byte[] body) {
    JsonNode node;
    try {
      node = mapper.readTree(body);
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
}
