package io.udm.api.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/** Shared fixtures: the API.md example, files in a temp directory, and rejected loads. */
final class TestConfigs {
  static final Function<String, String> NO_ENV = name -> null;

  private TestConfigs() {}

  static Path resource(String name) {
    try {
      return Path.of(TestConfigs.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh, mutable copy of the API.md example. */
  static ObjectNode apiExample() {
    try {
      return (ObjectNode) JsonValues.mapper().readTree(Files.readString(resource("api-example.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the value at a JSON pointer (parents must exist) to the given JSON text. */
  static ObjectNode with(ObjectNode tree, String pointer, String json) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = tree.at(at.head());
    JsonNode value = parse(json);
    if (parent instanceof ArrayNode array) {
      int index = at.last().getMatchingIndex();
      if (index < array.size()) {
        array.set(index, value);
      } else {
        array.add(value);
      }
    } else {
      ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
    }
    return tree;
  }

  static ObjectNode without(ObjectNode tree, String pointer) {
    JsonPointer at = JsonPointer.compile(pointer);
    ((ObjectNode) tree.at(at.head())).remove(at.last().getMatchingProperty());
    return tree;
  }

  static JsonNode parse(String json) {
    try {
      return JsonValues.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String fileName, String content) {
    try {
      return Files.writeString(dir.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeJson(Path dir, JsonNode tree) {
    return write(dir, "udm.json", JsonValues.toJson(tree));
  }

  static UdmConfig load(Path dir, JsonNode tree) {
    return UdmConfig.load(writeJson(dir, tree), NO_ENV);
  }

  static UdmConfig load(Path dir, JsonNode tree, Map<String, String> env) {
    return UdmConfig.load(writeJson(dir, tree), env::get);
  }

  static ValidationException rejection(Executable action) {
    return assertThrows(ValidationException.class, action);
  }

  /** A valid builder: one backend pair, nothing else. */
  static ImmutableUdmConfig.Builder oneBackend() {
    return UdmConfig.builder()
        .addMongoUris("mongodb://localhost:27017")
        .addSpacesConns(spacesConn().build());
  }

  static ImmutableSpacesConn.Builder spacesConn() {
    return SpacesConn.builder()
        .endpoint("http://127.0.0.1:9000")
        .region("us-east-1")
        .accessKey("AK")
        .secretKey("SK")
        .backupsBucket("udm-backups")
        .jsonBucket("udm-json")
        .contentBucket("udm-content");
  }
}
