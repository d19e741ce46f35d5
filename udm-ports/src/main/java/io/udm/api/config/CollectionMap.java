package io.udm.api.config;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** Per-collection settings: indexed properties (dotted paths allowed), base64 properties, validation. */
@Value.Immutable
public abstract class CollectionMap {
  public abstract List<String> indexedProps();

  /** Keyed by dotted property path. */
  public abstract Map<String, Base64Prop> base64Props();

  @Value.Default
  public CollectionValidation validation() {
    return CollectionValidation.builder().build();
  }

  public static ImmutableCollectionMap.Builder builder() {
    return ImmutableCollectionMap.builder();
  }
}
