package io.udm.api.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The whole configuration. Backend pair {@code i} is {@code mongoUris[i]} + {@code spacesConns[i]}.
 * Build with {@link #builder()} or {@link #load(Path)}; invalid settings raise one {@code
 * ValidationException} listing every problem. {@code toString()} never shows a secret.
 */
@Value.Immutable
public abstract class UdmConfig {
  public abstract List<String> mongoUris();

  public abstract List<SpacesConn> spacesConns();

  /** Where counters, placements and the retry queue live; defaults to the first backend's MongoDB. */
  public abstract Optional<CountersConfig> counters();

  @Value.Default
  public RoutingConfig routing() {
    return RoutingConfig.builder().build();
  }

  /** Accepted for compatibility with the original design; must be empty. */
  public abstract Map<String, Object> rollup();

  @Value.Default
  public RetentionConfig retention() {
    return RetentionConfig.builder().build();
  }

  public abstract Map<String, CollectionMap> collectionMaps();

  @Value.Default
  public CounterRulesConfig counterRules() {
    return CounterRulesConfig.builder().build();
  }

  @Value.Default
  public DevShadowConfig devShadow() {
    return DevShadowConfig.builder().build();
  }

  @Value.Default
  public boolean hardDeleteEnabled() {
    return false;
  }

  @Value.Default
  public FallbackConfig fallback() {
    return FallbackConfig.builder().build();
  }

  @Value.Default
  public WriteOptimizationConfig writeOptimization() {
    return WriteOptimizationConfig.builder().build();
  }

  @Value.Default
  public LimitsConfig limits() {
    return LimitsConfig.builder().build();
  }

  /** The settings of a collection; collections without a map have no indexed props. */
  public CollectionMap collectionMap(String collection) {
    CollectionMap map = collectionMaps().get(collection);
    return map != null ? map : CollectionMap.builder().build();
  }

  public static ImmutableUdmConfig.Builder builder() {
    return ImmutableUdmConfig.builder();
  }

  /** Loads a {@code .json}, {@code .yaml} or {@code .yml} file; {@code ${ENV_VAR}} strings are read from the environment. */
  public static UdmConfig load(Path file) {
    throw new UnsupportedOperationException("config loading lands with the config work");
  }

  @Override
  public String toString() {
    return "UdmConfig{mongoUris="
        + mongoUris().stream().map(Redaction::mongoUri).collect(Collectors.toList())
        + ", spacesConns=" + spacesConns()
        + ", counters=" + counters().map(Object::toString).orElse("(first backend)")
        + ", routing=" + routing()
        + ", retention=" + retention()
        + ", collectionMaps=" + collectionMaps()
        + ", counterRules=" + counterRules()
        + ", devShadow=" + devShadow()
        + ", hardDeleteEnabled=" + hardDeleteEnabled()
        + ", fallback=" + fallback()
        + ", writeOptimization=" + writeOptimization()
        + ", limits=" + limits()
        + "}";
  }
}
