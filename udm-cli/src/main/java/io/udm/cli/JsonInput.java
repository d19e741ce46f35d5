package io.udm.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A JSON object given as an argument, in a file, or on stdin. */
final class JsonInput {
  private static final ObjectReader READER = JsonValues.mapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonInput() {}

  /**
   * The object from {@code argument} if given, else from {@code file} ({@code -} = stdin), else from
   * stdin. {@code what} names it in messages ("the item", "the patch").
   */
  static ObjectNode read(String argument, Path file, InputStream stdin, String what) {
    if (argument != null && file != null) {
      throw new ValidationException("give " + what + " either as an argument or with --file, not both");
    }
    if (argument != null && !argument.equals("-")) {
      return parse(argument, "the JSON argument", what);
    }
    if (file != null && !file.toString().equals("-")) {
      return parse(readFile(file), "file " + file, what);
    }
    String text;
    try {
      text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ValidationException("cannot read " + what + " from stdin (" + e.getClass().getSimpleName() + ")");
    }
    if (text.isBlank()) {
      throw new ValidationException("no JSON given for " + what + ": pass it as an argument, with --file FILE,"
          + " or on stdin");
    }
    return parse(text, "stdin", what);
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ValidationException("file " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new ValidationException("file " + file + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new ValidationException("file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  static ObjectNode parse(String text, String source, String what) {
    JsonNode node;
    try {
      node = READER.readTree(text);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("");
      throw new ValidationException(what + " in " + source + " is not valid JSON: " + message + at(e.getLocation()));
    }
    if (node == null || node.isMissingNode()) {
      throw new ValidationException(what + " in " + source + " is empty; give a JSON object such as {\"name\": \"Ada\"}");
    }
    if (!node.isObject()) {
      throw new ValidationException(what + " in " + source + " must be a JSON object, found " + JsonValues.describe(node));
    }
    return (ObjectNode) node;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
