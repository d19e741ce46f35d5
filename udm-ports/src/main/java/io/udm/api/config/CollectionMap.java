package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Per-collection settings: indexed properties (dotted paths allowed), base64 properties, validation
 * and a JSON Schema.
 */
@Value.Immutable
public abstract class CollectionMap {
  public abstract List<String> indexedProps();

  /** Keyed by dotted property path. */
  public abstract Map<String, Base64Prop> base64Props();

  @Value.Default
  public CollectionValidation validation() {
    return CollectionValidation.builder().build();
  }

  /**
   * A JSON Schema (draft 2020-12) every version written must satisfy; in a config file {@code schema}
   * inline or {@code schemaFile} (relative to the config file). Do not change the node once built.
   */
  public abstract Optional<JsonNode> schema();

  /** {@link #schema()} compiled, once per config (the config's checks have reported a bad schema). */
  @Value.Lazy
  public Optional<CollectionSchema> compiledSchema() {
    return schema().map(CollectionSchema::compile);
  }

  public static ImmutableCollectionMap.Builder builder() {
    return ImmutableCollectionMap.builder();
  }
}
