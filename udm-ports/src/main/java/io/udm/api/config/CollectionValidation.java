package io.udm.api.config;

import java.util.List;
import org.immutables.value.Value;

@Value.Immutable
public abstract class CollectionValidation {
  /** Indexed properties every write must carry (non-null). */
  public abstract List<String> requiredIndexed();

  public static ImmutableCollectionValidation.Builder builder() {
    return ImmutableCollectionValidation.builder();
  }
}
