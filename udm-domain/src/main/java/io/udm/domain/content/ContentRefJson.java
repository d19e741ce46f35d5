package io.udm.domain.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.json.JsonValues;
import io.vavr.control.Either;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JSON form of a content reference inside a stored document, as API.md gives it:
 * {@code {"$content": {"key": .., "contentType": .., "size": .., "sha256": ..}}}.
 */
public final class ContentRefJson {
  public static final String FIELD = "$content";
  private static final Set<String> REF_FIELDS = Set.of("key", "contentType", "size", "sha256");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private ContentRefJson() {}

  public static ObjectNode toJson(ContentRef ref) {
    ObjectNode wrapper = JsonValues.NODES.objectNode();
    wrapper.putObject(FIELD)
        .put("key", ref.key())
        .put("contentType", ref.contentType())
        .put("size", ref.size())
        .put("sha256", ref.sha256());
    return wrapper;
  }

  /** Whether {@code node} has the reference's shape: an object whose only field is {@code $content}. */
  public static boolean looksLikeRef(JsonNode node) {
    return node != null && node.isObject() && node.size() == 1 && node.has(FIELD);
  }

  /**
   * The reference at {@code path}, checked field by field; the left side says what is wrong. The key
   * is not checked here: only the caller knows which item it must belong to.
   */
  public static Either<String, ContentRef> parse(String path, JsonNode node) {
    if (!looksLikeRef(node) || !node.get(FIELD).isObject()) {
      return Either.left("is not a content reference {\"" + FIELD + "\": {key, contentType, size, sha256}}");
    }
    JsonNode body = node.get(FIELD);
    Optional<String> unknown = fieldNames(body).filter(name -> !REF_FIELDS.contains(name)).findFirst();
    if (unknown.isPresent() || body.size() != REF_FIELDS.size()) {
      return Either.left("is a content reference with fields " + fieldNames(body).toList()
          + "; it must have exactly key, contentType, size and sha256");
    }
    JsonNode key = body.get("key");
    JsonNode contentType = body.get("contentType");
    JsonNode size = body.get("size");
    JsonNode sha = body.get("sha256");
    if (!key.isTextual() || !contentType.isTextual() || !size.isIntegralNumber() || !size.canConvertToLong()
        || size.asLong() < 0 || !sha.isTextual() || !SHA256_HEX.matcher(sha.textValue()).matches()) {
      return Either.left("is a content reference whose fields have the wrong types (key and contentType text,"
          + " size a whole number >= 0, sha256 64 lowercase hex digits)");
    }
    return Either.right(new ContentRef(path, key.textValue(), contentType.textValue(), size.asLong(),
        sha.textValue(), Optional.empty()));
  }

  private static Stream<String> fieldNames(JsonNode body) {
    return body.properties().stream().map(Map.Entry::getKey);
  }
}
