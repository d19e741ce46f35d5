package io.udm.api.config;

import static io.udm.api.config.TestConfigs.NO_ENV;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.json.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collectionMaps.<c>.schema} and {@code schemaFile}: compiled once per config; a schema that
 * is not valid JSON Schema 2020-12, or a file that cannot be read, is a config problem naming the
 * collection.
 */
class CollectionSchemaConfigTest {
  @TempDir Path dir;

  @Test
  void anInlineSchemaLoadsAndChecksDocuments() {
    Path file = write(dir, "udm.json", """
        {"collectionMaps": {"users": {"schema": {"type": "object", "required": ["email"]}}}}""");

    CollectionMap users = UdmConfig.load(file, NO_ENV).collectionMap("users");

    assertThat(users.compiledSchema()).isPresent();
    assertThat(users.compiledSchema().get().violations(JsonValues.parseObject("{}")))
        .extracting(Object::toString).containsExactly("/: required property 'email' not found");
    assertThat(users.compiledSchema().get().violations(JsonValues.parseObject("{\"email\": 1}"))).isEmpty();
  }

  @Test
  void aSchemaFileIsReadFromTheConfigFilesFolder() throws Exception {
    Files.createDirectories(dir.resolve("schemas"));
    write(dir.resolve("schemas"), "users.yaml", "type: object\nproperties:\n  age: {type: integer}\n");
    Path file = write(dir, "udm.yaml", "collectionMaps:\n  users:\n    schemaFile: schemas/users.yaml\n");

    CollectionMap users = UdmConfig.load(file, NO_ENV).collectionMap("users");

    assertThat(users.compiledSchema().orElseThrow().violations(JsonValues.parseObject("{\"age\": \"x\"}")))
        .extracting(CollectionSchema.Violation::pointer).containsExactly("/age");
  }

  @Test
  void badSchemasAndMissingFilesAreConfigProblemsNamingTheCollection() {
    Path file = write(dir, "udm.json", """
        {"collectionMaps": {
           "users": {"schema": {"type": "nonsense", "required": "email"}},
           "orders": {"schemaFile": "missing.json"},
           "items": {"schema": {}, "schemaFile": "x.json"},
           "tags": {"schema": "string"}}}""");

    assertThat(rejection(() -> UdmConfig.load(file, NO_ENV)).problems())
        .anySatisfy(p -> assertThat(p).startsWith("collectionMaps.users.schema: is not a valid JSON Schema (draft"
            + " 2020-12): /type: "))
        .anySatisfy(p -> assertThat(p).startsWith("collectionMaps.users.schema: is not a valid JSON Schema (draft"
            + " 2020-12): /required: "))
        .anySatisfy(p -> assertThat(p).startsWith("collectionMaps.orders.schemaFile: cannot be read for collection"
            + " 'orders': file ").contains("missing.json", "does not exist"))
        .anySatisfy(p -> assertThat(p).isEqualTo("collectionMaps.items.schemaFile: is given beside an inline"
            + " schema; keep one of schema and schemaFile"))
        .anySatisfy(p -> assertThat(p).startsWith("collectionMaps.tags.schema: must be a JSON Schema object"));
  }
}
