package io.udm.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a config file into a JSON tree: {@code .json} as JSON, {@code .yaml}/{@code .yml} as YAML.
 * Every failure is a {@link ValidationException} that names the file and says what to do. Parser
 * messages are trimmed of source excerpts, which could show a secret next to the error.
 */
final class ConfigFiles {
  private static final String SUPPORTED = "use a .json, .yaml or .yml file";
  /** Quoted text of two or more characters in a parser message: a token of the file, maybe a secret. */
  private static final Pattern QUOTED_TOKEN = Pattern.compile("'([^'\\s]{2,})'");
  /** Tokens the parser names itself ("was expecting ... 'null', 'true' or 'false'"): safe to show. */
  private static final Set<String> PARSER_WORDS = Set.of("null", "true", "false");

  private static final ObjectReader JSON = JsonValues.mapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader YAML = new ObjectMapper(YAMLFactory.builder()
          // Only true/false are booleans: YAML 1.1 would turn on/off/yes/no (e.g. a region "no") into them.
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build())
      .setNodeFactory(JsonValues.NODES)
      .reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private enum Format {
    JSON("JSON"), YAML("YAML");

    final String label;

    Format(String label) {
      this.label = label;
    }
  }

  private ConfigFiles() {}

  static JsonNode read(Path file) {
    if (file == null) {
      throw new ValidationException("the config file path is required; " + SUPPORTED);
    }
    Format format = formatOf(file);
    Path shown = file.toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      throw new ValidationException("config file " + shown + " does not exist; check the path"
          + " (a relative path is resolved against the working directory " + Path.of("").toAbsolutePath() + ")");
    }
    if (Files.isDirectory(file)) {
      throw new ValidationException("config file " + shown + " is a directory; " + SUPPORTED);
    }
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = (format == Format.JSON ? JSON : YAML).readTree(in);
    } catch (JsonProcessingException e) {
      throw new ValidationException("config file " + shown + " is not valid " + format.label + ": "
          + parserProblem(e) + at(e.getLocation()) + "; fix the syntax and load it again");
    } catch (AccessDeniedException e) {
      throw new ValidationException("config file " + shown + " cannot be read: permission denied;"
          + " make it readable for the user running UDM");
    } catch (IOException e) {
      throw new ValidationException("config file " + shown + " cannot be read (" + e.getClass().getSimpleName()
          + "); check that it is a readable " + format.label + " file");
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ValidationException("config file " + shown + " is empty; it must hold one "
          + format.label + " object with the settings (see the Configuration section of API.md)");
    }
    if (!tree.isObject()) {
      throw new ValidationException("config file " + shown + " must hold one object at the top level, found "
          + Fields.describe(tree));
    }
    return tree;
  }

  private static Format formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Format.JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Format.YAML;
    }
    throw new ValidationException("config file " + file + " has an unsupported extension; " + SUPPORTED);
  }

  /**
   * The parser's own words without its excerpt of the file. YAML messages put excerpt lines
   * (indented) between the description lines; quoted tokens are masked except duplicated keys.
   */
  private static String parserProblem(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    if (message.startsWith("Duplicate field '")) {
      return message.lines().findFirst().orElse(message) + " (each key may appear once per object)";
    }
    if (message.startsWith("Trailing token")) {
      return "more content follows the top-level object (a second YAML document, or text after the closing '}');"
          + " keep one object per file";
    }
    String described = Arrays.stream(message.split("\\R"))
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(Collectors.joining("; "));
    return QUOTED_TOKEN.matcher(described.isEmpty() ? "syntax error" : described)
        .replaceAll(token -> PARSER_WORDS.contains(token.group(1)) ? token.group() : "'...'");
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
