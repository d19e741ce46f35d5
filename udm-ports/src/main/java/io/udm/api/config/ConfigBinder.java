package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.Names;
import io.udm.api.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed config tree into a {@link UdmConfig} builder, field by field, collecting every
 * structural problem (unknown field, wrong type, missing required value, unknown operation)
 * instead of stopping at the first as Jackson databinding would. The field names are those of the
 * JSON example in API.md. Semantic checks are {@link ConfigValidator}'s job.
 */
final class ConfigBinder {
  /** The builder (always buildable: required values have stand-ins) and the structural problems. */
  record Result(ImmutableUdmConfig.Builder builder, List<Problem> problems) {}

  private static final List<String> OP_NAMES = Arrays.stream(Op.values()).map(Op::name).toList();
  private static final List<String> SCOPE_NAMES = Arrays.stream(RuleScope.values()).map(RuleScope::jsonName).toList();

  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> substitutedPaths;

  private ConfigBinder(Set<String> substitutedPaths) {
    this.substitutedPaths = substitutedPaths;
  }

  /**
   * Binds {@code root}; {@code substitutedPaths} are the string values that came from the
   * environment, which may then stand for numbers and booleans.
   */
  static Result bind(JsonNode root, Set<String> substitutedPaths) {
    ConfigBinder binder = new ConfigBinder(substitutedPaths);
    ImmutableUdmConfig.Builder builder = binder.udmConfig(binder.fields(root, ConfigPath.ROOT));
    return new Result(builder, List.copyOf(binder.problems));
  }

  private Fields fields(JsonNode node, String path) {
    return Fields.of(node, path, problems::add, substitutedPaths);
  }

  private ImmutableUdmConfig.Builder udmConfig(Fields f) {
    ImmutableUdmConfig.Builder b = UdmConfig.builder();
    b.addAllMongoUris(f.stringList("mongoUris"));
    f.objectList("spacesConns").forEach(conn -> b.addSpacesConns(spacesConn(conn)));
    f.optionalObject("counters").map(this::counters).ifPresent(b::counters);
    f.optionalObject("routing").map(this::routing).ifPresent(b::routing);
    f.rawEntries("rollup").forEach(b::putRollup);
    f.optionalObject("retention").map(this::retention).ifPresent(b::retention);
    f.objectEntries("collectionMaps").forEach((name, map) -> b.putCollectionMaps(name, collectionMap(map)));
    f.optionalObject("counterRules").map(this::counterRules).ifPresent(b::counterRules);
    f.optionalObject("devShadow").map(this::devShadow).ifPresent(b::devShadow);
    f.optionalBoolean("hardDeleteEnabled").ifPresent(b::hardDeleteEnabled);
    f.optionalObject("fallback").map(this::fallback).ifPresent(b::fallback);
    f.optionalObject("writeOptimization").map(this::writeOptimization).ifPresent(b::writeOptimization);
    f.optionalObject("limits").map(this::limits).ifPresent(b::limits);
    f.optionalObject("shutdown").map(this::shutdown).ifPresent(b::shutdown);
    f.optionalObject("idempotency").map(this::idempotency).ifPresent(b::idempotency);
    f.optionalObject("afterCommit").map(this::afterCommit).ifPresent(b::afterCommit);
    f.optionalObject("rebalance").map(this::rebalance).ifPresent(b::rebalance);
    f.optionalObject("http").map(this::http).ifPresent(b::http);
    f.optionalObject("cache").map(this::cache).ifPresent(b::cache);
    f.optionalObject("storage").map(this::storage).ifPresent(b::storage);
    f.rejectUnknownFields();
    return b;
  }

  private SpacesConn spacesConn(Fields f) {
    ImmutableSpacesConn.Builder b = SpacesConn.builder()
        .endpoint(f.requiredString("endpoint"))
        .region(f.requiredString("region"))
        .accessKey(f.requiredString("accessKey"))
        .secretKey(f.requiredString("secretKey"))
        .backupsBucket(f.requiredString("backupsBucket"))
        .jsonBucket(f.requiredString("jsonBucket"))
        .contentBucket(f.requiredString("contentBucket"));
    f.optionalBoolean("forcePathStyle").ifPresent(b::forcePathStyle);
    f.rejectUnknownFields();
    return b.build();
  }

  private CountersConfig counters(Fields f) {
    ImmutableCountersConfig.Builder b = CountersConfig.builder().mongoUri(f.requiredString("mongoUri"));
    f.optionalString("dbName").ifPresent(b::dbName);
    f.rejectUnknownFields();
    return b.build();
  }

  private RoutingConfig routing(Fields f) {
    ImmutableRoutingConfig.Builder b = RoutingConfig.builder();
    f.optionalString("hashAlgo").ifPresent(b::hashAlgo);
    f.optionalString("chooseKey").ifPresent(b::chooseKey);
    b.addAllDrain(f.stringList("drain"));
    f.rejectUnknownFields();
    return b.build();
  }

  private RetentionConfig retention(Fields f) {
    ImmutableRetentionConfig.Builder b = RetentionConfig.builder();
    f.optionalObject("ver").map(this::versionRetention).ifPresent(b::ver);
    f.rejectUnknownFields();
    return b.build();
  }

  private VersionRetention versionRetention(Fields f) {
    ImmutableVersionRetention.Builder b = VersionRetention.builder();
    f.optionalInt("days").ifPresent(b::days);
    f.optionalInt("maxPerItem").ifPresent(b::maxPerItem);
    f.rejectUnknownFields();
    return b.build();
  }

  private CollectionMap collectionMap(Fields f) {
    ImmutableCollectionMap.Builder b = CollectionMap.builder().addAllIndexedProps(f.stringList("indexedProps"));
    f.objectEntries("base64Props").forEach((path, prop) -> b.putBase64Props(path, base64Prop(prop)));
    f.optionalObject("validation").map(this::collectionValidation).ifPresent(b::validation);
    f.optionalValue("schema").map(node -> (JsonNode) node.deepCopy()).ifPresent(b::schema);
    f.rejectUnknownFields();
    return b.build();
  }

  private Base64Prop base64Prop(Fields f) {
    ImmutableBase64Prop.Builder b = Base64Prop.builder();
    f.optionalString("contentType").ifPresent(b::contentType);
    f.optionalBoolean("preferredText").ifPresent(b::preferredText);
    f.rejectUnknownFields();
    return b.build();
  }

  private CollectionValidation collectionValidation(Fields f) {
    ImmutableCollectionValidation.Builder b =
        CollectionValidation.builder().addAllRequiredIndexed(f.stringList("requiredIndexed"));
    f.rejectUnknownFields();
    return b.build();
  }

  private CounterRulesConfig counterRules(Fields f) {
    ImmutableCounterRulesConfig.Builder b = CounterRulesConfig.builder();
    f.objectList("rules").forEach(rule -> b.addRules(counterRule(rule)));
    f.rejectUnknownFields();
    return b.build();
  }

  private CounterRule counterRule(Fields f) {
    ImmutableCounterRule.Builder b = CounterRule.builder()
        .name(f.requiredString("name"))
        .when(f.requiredObjectNode("when"));
    if (f.optionalValue("on").isEmpty()) {
      problems.add(Problem.at(f.pathOf("on"), "required; list the operations to count, from " + String.join(", ", OP_NAMES)));
    }
    List<String> ops = f.stringList("on");
    for (int i = 0; i < ops.size(); i++) {
      op(ops.get(i), ConfigPath.index(f.pathOf("on"), i)).ifPresent(b::addOn);
    }
    f.optionalString("scope").flatMap(scope -> scope(scope, f.pathOf("scope"))).ifPresent(b::scope);
    b.addAllCollections(f.stringList("collections"));
    f.rejectUnknownFields();
    return b.build();
  }

  /** Operation names are case-insensitive: {@code create} and {@code CREATE} both count creates. */
  private Optional<Op> op(String name, String path) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (OP_NAMES.contains(upper)) {
      return Optional.of(Op.valueOf(upper));
    }
    if (!name.isEmpty()) { // "" stands in for a mistyped element, already reported
      problems.add(Problem.at(path, Names.show(name) + " is not an operation; " + hint(name, OP_NAMES)));
    }
    return Optional.empty();
  }

  private Optional<RuleScope> scope(String name, String path) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (SCOPE_NAMES.contains(lower)) {
      return Optional.of(RuleScope.valueOf(lower.toUpperCase(Locale.ROOT)));
    }
    problems.add(Problem.at(path, Names.show(name) + " is not a rule scope; " + hint(name, SCOPE_NAMES)));
    return Optional.empty();
  }

  private static String hint(String typed, List<String> allowed) {
    return Suggestions.closest(typed, allowed)
        .map(candidate -> "did you mean '" + candidate + "'? (allowed: " + String.join(", ", allowed) + ")")
        .orElse("use one of " + String.join(", ", allowed));
  }

  private DevShadowConfig devShadow(Fields f) {
    ImmutableDevShadowConfig.Builder b = DevShadowConfig.builder();
    f.optionalBoolean("enabled").ifPresent(b::enabled);
    f.optionalInt("ttlHours").ifPresent(b::ttlHours);
    f.optionalLong("maxBytesPerDoc").ifPresent(b::maxBytesPerDoc);
    f.rejectUnknownFields();
    return b.build();
  }

  private FallbackConfig fallback(Fields f) {
    ImmutableFallbackConfig.Builder b = FallbackConfig.builder();
    f.optionalBoolean("enabled").ifPresent(b::enabled);
    f.optionalInt("maxAttempts").ifPresent(b::maxAttempts);
    f.optionalLong("baseDelayMs").ifPresent(b::baseDelayMs);
    f.optionalLong("maxDelayMs").ifPresent(b::maxDelayMs);
    f.optionalString("deadLetterCollection").ifPresent(b::deadLetterCollection);
    f.optionalBoolean("workerEnabled").ifPresent(b::workerEnabled);
    f.rejectUnknownFields();
    return b.build();
  }

  private WriteOptimizationConfig writeOptimization(Fields f) {
    ImmutableWriteOptimizationConfig.Builder b = WriteOptimizationConfig.builder();
    f.optionalBoolean("batchS3").ifPresent(b::batchS3);
    f.optionalLong("batchWindowMs").ifPresent(b::batchWindowMs);
    f.optionalLong("debounceCountersMs").ifPresent(b::debounceCountersMs);
    f.optionalBoolean("allowShadowSkip").ifPresent(b::allowShadowSkip);
    f.rejectUnknownFields();
    return b.build();
  }

  private LimitsConfig limits(Fields f) {
    ImmutableLimitsConfig.Builder b = LimitsConfig.builder();
    f.optionalLong("maxDocumentBytes").ifPresent(b::maxDocumentBytes);
    f.optionalInt("maxNestingDepth").ifPresent(b::maxNestingDepth);
    f.optionalLong("gcMinGraceSeconds").ifPresent(b::gcMinGraceSeconds);
    f.optionalLong("maxContentBytes").ifPresent(b::maxContentBytes);
    f.optionalLong("maxPresignTtlSeconds").ifPresent(b::maxPresignTtlSeconds);
    f.rejectUnknownFields();
    return b.build();
  }

  private IdempotencyConfig idempotency(Fields f) {
    ImmutableIdempotencyConfig.Builder b = IdempotencyConfig.builder();
    f.optionalInt("retainRequestIdsDays").ifPresent(b::retainRequestIdsDays);
    f.rejectUnknownFields();
    return b.build();
  }

  private ShutdownConfig shutdown(Fields f) {
    ImmutableShutdownConfig.Builder b = ShutdownConfig.builder();
    f.optionalLong("timeoutMs").ifPresent(b::timeoutMs);
    f.rejectUnknownFields();
    return b.build();
  }

  private AfterCommitConfig afterCommit(Fields f) {
    ImmutableAfterCommitConfig.Builder b = AfterCommitConfig.builder();
    f.optionalLong("sweepIntervalMs").ifPresent(b::sweepIntervalMs);
    f.rejectUnknownFields();
    return b.build();
  }

  private RebalanceConfig rebalance(Fields f) {
    ImmutableRebalanceConfig.Builder b = RebalanceConfig.builder();
    f.optionalLong("cleanupGraceSeconds").ifPresent(b::cleanupGraceSeconds);
    f.rejectUnknownFields();
    return b.build();
  }

  private HttpConfig http(Fields f) {
    ImmutableHttpConfig.Builder b = HttpConfig.builder();
    f.optionalString("bind").ifPresent(b::bind);
    f.optionalInt("port").ifPresent(b::port);
    f.optionalLong("maxBodyBytes").ifPresent(b::maxBodyBytes);
    f.objectList("apiKeys").forEach(key -> b.addApiKeys(apiKey(key)));
    f.optionalInt("threads").ifPresent(b::threads);
    f.optionalLong("stopTimeoutMs").ifPresent(b::stopTimeoutMs);
    f.optionalLong("headerTimeoutMs").ifPresent(b::headerTimeoutMs);
    f.optionalLong("readTimeoutMs").ifPresent(b::readTimeoutMs);
    f.optionalObject("tls").map(this::httpTls).ifPresent(b::tls);
    f.optionalBoolean("allowPlaintext").ifPresent(b::allowPlaintext);
    f.rejectUnknownFields();
    return b.build();
  }

  private HttpTls httpTls(Fields f) {
    ImmutableHttpTls.Builder b = HttpTls.builder()
        .keyStore(f.requiredString("keyStore"))
        .keyStorePassword(f.requiredString("keyStorePassword"));
    f.rejectUnknownFields();
    return b.build();
  }

  private ApiKey apiKey(Fields f) {
    ImmutableApiKey.Builder b = ApiKey.builder()
        .name(f.requiredString("name"))
        .key(f.requiredString("key"))
        .addAllTenants(f.stringList("tenants"));
    f.optionalBoolean("admin").ifPresent(b::admin);
    f.rejectUnknownFields();
    return b.build();
  }

  private StorageConfig storage(Fields f) {
    ImmutableStorageConfig.Builder b = StorageConfig.builder();
    f.optionalInt("inlineMaxBytes").ifPresent(b::inlineMaxBytes);
    f.rejectUnknownFields();
    return b.build();
  }

  private CacheConfig cache(Fields f) {
    ImmutableCacheConfig.Builder b = CacheConfig.builder();
    f.optionalLong("maxBytes").ifPresent(b::maxBytes);
    f.rejectUnknownFields();
    return b.build();
  }
}
