package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code collectionMaps.<c>.schemaFile}: the file (JSON or YAML, relative to the config file's
 * folder) is read into {@code schema}, so the rest of loading sees one inline schema. A missing or
 * unreadable file, or a file beside an inline schema, is a problem naming the collection.
 */
final class SchemaFiles {
  private static final String FILE = "schemaFile";

  private SchemaFiles() {}

  static List<Problem> inline(JsonNode tree, Path folder) {
    List<Problem> problems = new ArrayList<>();
    JsonNode maps = tree.path("collectionMaps");
    if (!maps.isObject()) {
      return problems;
    }
    for (Map.Entry<String, JsonNode> entry : maps.properties()) {
      if (!(entry.getValue() instanceof ObjectNode map) || !map.has(FILE)) {
        continue;
      }
      String at = ConfigPath.field("collectionMaps", entry.getKey()) + "." + FILE;
      JsonNode file = map.remove(FILE);
      if (map.has("schema")) {
        problems.add(Problem.at(at, "is given beside an inline schema; keep one of schema and schemaFile"));
      } else if (!file.isTextual() || file.asText().isBlank()) {
        problems.add(Problem.at(at, "must be the path of a JSON or YAML file, found " + Fields.describe(file)));
      } else {
        String cannot = "cannot be read for collection '" + entry.getKey() + "': ";
        try {
          Path schemaFile = folder.resolve(file.asText()).normalize();
          if (!Files.exists(schemaFile)) {
            problems.add(Problem.at(at, cannot + "file " + schemaFile + " does not exist; a relative path is read"
                + " from the config file's folder"));
          } else {
            map.set("schema", ConfigFiles.read(schemaFile));
          }
        } catch (ValidationException e) {
          problems.add(Problem.at(at, cannot + e.problems().get(0).replaceFirst("^config file ", "file ")));
        } catch (InvalidPathException e) {
          problems.add(Problem.at(at, cannot + "'" + file.asText() + "' is not a path this system accepts"));
        }
      }
    }
    return problems;
  }
}
