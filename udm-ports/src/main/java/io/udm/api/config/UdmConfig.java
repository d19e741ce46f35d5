package io.udm.api.config;

import io.udm.api.error.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

  @Value.Default
  public ShutdownConfig shutdown() {
    return ShutdownConfig.builder().build();
  }

  @Value.Default
  public CacheConfig cache() {
    return CacheConfig.builder().build();
  }

  @Value.Default
  public StorageConfig storage() {
    return StorageConfig.builder().build();
  }

  @Value.Default
  public AfterCommitConfig afterCommit() {
    return AfterCommitConfig.builder().build();
  }

  @Value.Default
  public RebalanceConfig rebalance() {
    return RebalanceConfig.builder().build();
  }

  @Value.Default
  public IdempotencyConfig idempotency() {
    return IdempotencyConfig.builder().build();
  }

  /** The HTTP service's settings; only {@code udm serve} and {@code UdmHttpServer} read them. */
  @Value.Default
  public HttpConfig http() {
    return HttpConfig.builder().build();
  }

  /** The settings of a collection; collections without a map have no indexed props. */
  public CollectionMap collectionMap(String collection) {
    CollectionMap map = collectionMaps().get(collection);
    return map != null ? map : CollectionMap.builder().build();
  }

  public static ImmutableUdmConfig.Builder builder() {
    return ImmutableUdmConfig.builder();
  }

  /**
   * Loads a {@code .json}, {@code .yaml} or {@code .yml} file; {@code ${ENV_VAR}} strings are read
   * from the environment. Throws {@link ValidationException} listing every problem of the file.
   */
  public static UdmConfig load(Path file) {
    return load(file, System::getenv);
  }

  /**
   * Like {@link #load(Path)}, reading {@code ${NAME}} from {@code env} ({@code null} = not set); lets
   * tests and embedding applications supply the environment. Write <code>$${</code> for a literal <code>${</code>.
   */
  public static UdmConfig load(Path file, Function<String, String> env) {
    return ConfigLoader.load(file, env);
  }

  /**
   * This config, if it names at least one backend pair. A config without backends is valid (the
   * in-memory UDM simulates one) but cannot connect to real MongoDB and S3.
   */
  public UdmConfig requireBackends() {
    if (mongoUris().isEmpty() || spacesConns().isEmpty()) {
      throw new ValidationException("at least one backend pair (mongoUris + spacesConns) is required to connect"
          + " to MongoDB and S3; add mongoUris[0] and spacesConns[0], or use Udms.inMemory(config) to run without them");
    }
    return this;
  }

  /** Every semantic rule, with every problem reported at once. */
  @Value.Check
  void check() {
    ConfigValidator.check(this);
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
        + ", shutdown=" + shutdown()
        + ", idempotency=" + idempotency()
        + ", afterCommit=" + afterCommit()
        + ", rebalance=" + rebalance()
        + ", http=" + http()
        + ", cache=" + cache()
        + ", storage=" + storage()
        + "}";
  }
}
