package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A collection's JSON Schema (draft 2020-12), compiled once per config, that checks documents.
 * Violations name the value by its JSON Pointer ({@code /email}; {@code /} is the document itself).
 */
public final class CollectionSchema {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** One value that breaks the schema: where it is, and what is wrong with it. */
  public record Violation(String pointer, String message) {
    @Override
    public String toString() {
      return pointer + ": " + message;
    }
  }

  private final Schema schema;

  private CollectionSchema(Schema schema) {
    this.schema = schema;
  }

  /** What is wrong with {@code schema} as a 2020-12 JSON Schema; empty when it can be used. */
  static List<String> problems(JsonNode schema) {
    Objects.requireNonNull(schema, "schema");
    if (!schema.isObject() && !schema.isBoolean()) {
      return List.of("must be a JSON Schema object (or true/false), found " + Fields.describe(schema));
    }
    List<String> problems = new ArrayList<>();
    for (var error : MetaSchema.INSTANCE.validate(schema)) {
      problems.add("is not a valid JSON Schema (draft 2020-12): " + pointer(error.getInstanceLocation()) + ": "
          + error.getMessage());
    }
    if (problems.isEmpty()) {
      try {
        REGISTRY.getSchema(schema.deepCopy()).initializeValidators();
      } catch (SchemaException | IllegalArgumentException e) {
        problems.add("is not a usable JSON Schema: " + e.getMessage());
      }
    }
    return problems;
  }

  /** {@code schema} compiled; call {@link #problems} first (a bad schema fails here with its first problem). */
  public static CollectionSchema compile(JsonNode schema) {
    List<String> problems = problems(schema);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the schema " + problems.get(0));
    }
    Schema compiled = REGISTRY.getSchema(schema.deepCopy());
    compiled.initializeValidators();
    return new CollectionSchema(compiled);
  }

  /** Every value of {@code document} that breaks the schema, in the validator's order. */
  public List<Violation> violations(JsonNode document) {
    List<Violation> out = new ArrayList<>();
    for (var error : schema.validate(document)) {
      out.add(new Violation(pointer(error.getInstanceLocation()), error.getMessage()));
    }
    return out;
  }

  /** RFC 6901: each step escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}); the root shown as {@code /}. */
  private static String pointer(NodePath path) {
    if (path.getNameCount() == 0) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  /** The 2020-12 meta-schema, read from the validator's own resources (no network) on first use. */
  private static final class MetaSchema {
    static final Schema INSTANCE = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
  }
}
