package io.udm.api.config;

import io.udm.api.MetaQuery;
import io.udm.api.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic rules of a {@link UdmConfig}, run whenever one is built (by builder or loader).
 * Reports every problem, each at the path the JSON form would have, e.g. {@code
 * spacesConns[0].jsonBucket}. Never puts a secret into a message.
 */
final class ConfigValidator {
  static final int MAX_BACKENDS = 10;
  static final long MIN_DOCUMENT_BYTES = 1024;
  static final int MIN_NESTING_DEPTH = 2;
  static final int MAX_NESTING_DEPTH = 1000;
  /** Below a minute, a slow but healthy write could outlive the grace and lose its payload to GC. */
  static final long MIN_GC_GRACE_SECONDS = 60;
  private static final Set<String> ROUTING_KEY_PARTS = Set.of("tenantId", "dbName", "collection");

  private final List<Problem> problems = new ArrayList<>();

  private ConfigValidator() {}

  static List<Problem> problems(UdmConfig config) {
    ConfigValidator validator = new ConfigValidator();
    validator.validate(config);
    validator.problems.addAll(CounterRuleChecks.problems(config.counterRules().rules(), config.collectionMaps()));
    validator.problems.addAll(HttpChecks.problems(config.http()));
    return List.copyOf(validator.problems);
  }

  /** Throws one exception listing every problem of {@code config}. */
  static void check(UdmConfig config) {
    List<Problem> found = problems(config);
    if (!found.isEmpty()) {
      throw new InvalidConfigException(found);
    }
  }

  private void validate(UdmConfig config) {
    backends(config.mongoUris(), config.spacesConns());
    config.counters().ifPresent(this::counters);
    routing(config.routing());
    if (!config.rollup().isEmpty()) {
      add("rollup", "must be empty: rollups are not supported yet; remove the field or leave it {}");
    }
    retention(config.retention().ver());
    config.collectionMaps().forEach((name, map) -> collectionMap(ConfigPath.field("collectionMaps", name), name, map));
    devShadow(config.devShadow());
    fallback(config.fallback());
    writeOptimization(config.writeOptimization());
    limits(config.limits());
    atLeast("shutdown.timeoutMs", config.shutdown().timeoutMs(), 0, "");
    atLeast("afterCommit.sweepIntervalMs", config.afterCommit().sweepIntervalMs(), 0, "");
    atLeast("rebalance.cleanupGraceSeconds", config.rebalance().cleanupGraceSeconds(), 0, "");
    atLeast("idempotency.retainRequestIdsDays", config.idempotency().retainRequestIdsDays(), 0, "");
    atLeast("cache.maxBytes", config.cache().maxBytes(), 0, "where 0 turns the payload cache off");
    int inline = config.storage().inlineMaxBytes();
    if (inline < 0 || inline > StorageConfig.MAX_INLINE_MAX_BYTES) {
      add("storage.inlineMaxBytes", "is " + inline + "; use 0 (every payload in object storage) up to "
          + StorageConfig.MAX_INLINE_MAX_BYTES);
    }
  }

  private void backends(List<String> mongoUris, List<SpacesConn> spacesConns) {
    if (mongoUris.size() > MAX_BACKENDS) {
      add("mongoUris", "lists " + mongoUris.size() + " backends; at most " + MAX_BACKENDS + " are supported");
    }
    if (mongoUris.size() != spacesConns.size()) {
      add("spacesConns", "has " + spacesConns.size() + " entries but mongoUris has " + mongoUris.size()
          + "; backend i is mongoUris[i] + spacesConns[i], so give both lists the same length");
    }
    for (int i = 0; i < mongoUris.size(); i++) {
      String path = ConfigPath.index("mongoUris", i);
      ConnectionChecks.mongoUriProblem(mongoUris.get(i)).ifPresent(p -> add(path, p));
    }
    for (int i = 0; i < spacesConns.size(); i++) {
      spacesConn(ConfigPath.index("spacesConns", i), spacesConns.get(i));
    }
  }

  private void spacesConn(String path, SpacesConn conn) {
    ConnectionChecks.endpointProblem(conn.endpoint()).ifPresent(p -> add(path + ".endpoint", p));
    if (conn.region().isBlank()) {
      add(path + ".region", "must not be blank; use your store's region, e.g. us-east-1 or nyc3");
    }
    if (conn.accessKey().isBlank()) {
      add(path + ".accessKey", "must not be blank; set the store's access key (e.g. accessKey: ${S3_ACCESS_KEY})");
    }
    if (conn.secretKey().isBlank()) {
      add(path + ".secretKey", "must not be blank; set the store's secret key (e.g. secretKey: ${S3_SECRET_KEY})");
    }
    bucket(path + ".backupsBucket", conn.backupsBucket());
    bucket(path + ".jsonBucket", conn.jsonBucket());
    bucket(path + ".contentBucket", conn.contentBucket());
  }

  private void bucket(String path, String name) {
    ConnectionChecks.bucketNameProblem(name).ifPresent(p -> add(path, p));
  }

  private void counters(CountersConfig counters) {
    ConnectionChecks.mongoUriProblem(counters.mongoUri()).ifPresent(p -> add("counters.mongoUri", p));
    Names.dbNameProblem(counters.dbName()).ifPresent(p -> add("counters.dbName", p));
  }

  private void routing(RoutingConfig routing) {
    if (!RoutingConfig.RENDEZVOUS.equals(routing.hashAlgo())) {
      add("routing.hashAlgo", Names.show(routing.hashAlgo()) + " is not supported; use '" + RoutingConfig.RENDEZVOUS + "'");
    }
    chooseKey(routing);
    Set<String> drained = new HashSet<>();
    for (int i = 0; i < routing.drain().size(); i++) {
      String id = routing.drain().get(i);
      if (id.isBlank()) {
        add("routing.drain[" + i + "]", "must be a backend id as `udm health` shows it, e.g. 'b-1a2b3c4d5e'");
      } else if (!drained.add(id)) {
        add("routing.drain[" + i + "]", Names.show(id) + " is listed twice");
      }
    }
  }

  private void chooseKey(RoutingConfig routing) {
    String path = "routing.chooseKey";
    String allowed = "the parts may only be tenantId, dbName and collection, joined with '|', optionally followed by '"
        + RoutingConfig.IGNORED_OBJECT_ID_SUFFIX + "' (accepted from the original config and ignored), e.g. '"
        + RoutingConfig.DEFAULT_CHOOSE_KEY + "'";
    List<String> parts = routing.keyParts();
    if (parts.equals(List.of(""))) {
      add(path, (routing.chooseKey().isEmpty() ? "must not be empty; " : "names no part before '"
          + RoutingConfig.IGNORED_OBJECT_ID_SUFFIX + "'; ") + allowed);
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String part : parts) {
      if (part.isEmpty()) {
        add(path, "has an empty part (a doubled, leading or trailing '|'); " + allowed);
      } else if (part.equals("objectId")) {
        add(path, "must not use objectId: a whole collection must live on one backend pair (lists, restores and"
            + " counters work per collection), so " + allowed);
      } else if (!ROUTING_KEY_PARTS.contains(part)) {
        add(path, Names.show(part) + " is not a routing key part; " + allowed);
      } else if (!seen.add(part)) {
        add(path, "names '" + part + "' twice; list each part once");
      }
    }
  }

  private void retention(VersionRetention ver) {
    ver.days().ifPresent(days -> atLeast("retention.ver.days", days, 1, "or leave it out to keep versions of any age"));
    ver.maxPerItem().ifPresent(max -> atLeast("retention.ver.maxPerItem", max, 1, "or leave it out to keep any number"));
  }

  private void collectionMap(String path, String collection, CollectionMap map) {
    Names.collectionProblem(collection).ifPresent(p -> add(path, p));
    String indexedPath = path + ".indexedProps";
    Set<String> indexed = new HashSet<>();
    for (int i = 0; i < map.indexedProps().size(); i++) {
      String prop = map.indexedProps().get(i);
      String at = ConfigPath.index(indexedPath, i);
      Optional<String> problem = MetaQuery.fieldProblem(prop);
      if (problem.isPresent()) {
        add(at, problem.get());
      } else if (!indexed.add(prop)) {
        add(at, "'" + prop + "' is listed twice; list each indexed property once");
      }
    }
    List<String> required = map.validation().requiredIndexed();
    for (int i = 0; i < required.size(); i++) {
      String prop = required.get(i);
      if (!indexed.contains(prop)) {
        problems.add(Problem.at(ConfigPath.index(path + ".validation.requiredIndexed", i),
                Names.show(prop) + " is not an indexed property of '" + collection + "'; add it to " + indexedPath
                    + " or remove it here").dependingOn(indexedPath));
      }
    }
    map.schema().ifPresent(schema -> CollectionSchema.problems(schema).forEach(p -> add(path + ".schema", p)));
    map.base64Props().forEach((prop, settings) -> base64Prop(
        ConfigPath.field(path + ".base64Props", prop), prop, settings, indexed, map.base64Props().keySet()));
  }

  private void base64Prop(String path, String prop, Base64Prop settings, Set<String> indexed, Set<String> base64) {
    Optional<String> problem = MetaQuery.fieldProblem(prop);
    if (problem.isPresent()) {
      add(path, problem.get());
    } else if (indexed.contains(prop)) {
      add(path, "'" + prop + "' is also an indexed property; a base64 property moves to the content bucket"
          + " and cannot be indexed, so keep it in one of the two lists");
    } else {
      // A content reference inside an indexed prop (or one inside another) would put '$content' into meta.
      indexed.stream().filter(other -> nested(prop, other)).findFirst().ifPresent(other -> add(path, "'" + prop
          + "' and the indexed property '" + other + "' contain one another; a base64 property cannot sit inside"
          + " an indexed one or hold one, so move one of them"));
      base64.stream().filter(other -> other.startsWith(prop + ".")).findFirst().ifPresent(other -> add(path,
          "'" + prop + "' contains the base64 property '" + other + "'; base64 properties cannot nest, keep one"));
    }
    String type = settings.contentType();
    if (type.isBlank() || type.indexOf('/') <= 0 || type.chars().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
      add(path + ".contentType", Names.show(type) + " is not a media type; use type/subtype, e.g. image/jpeg");
    }
  }

  private void devShadow(DevShadowConfig devShadow) {
    atLeast("devShadow.ttlHours", devShadow.ttlHours(), 1, "");
    atLeast("devShadow.maxBytesPerDoc", devShadow.maxBytesPerDoc(), 1, "");
  }

  private void fallback(FallbackConfig fallback) {
    atLeast("fallback.maxAttempts", fallback.maxAttempts(), 1, "");
    atLeast("fallback.baseDelayMs", fallback.baseDelayMs(), 1, "");
    if (fallback.maxDelayMs() < fallback.baseDelayMs()) {
      problems.add(Problem.at("fallback.maxDelayMs", "is " + fallback.maxDelayMs() + " but must be at least baseDelayMs ("
          + fallback.baseDelayMs() + ")").dependingOn("fallback.baseDelayMs"));
    }
    Names.collectionProblem(fallback.deadLetterCollection()).ifPresent(p -> add("fallback.deadLetterCollection", p));
  }

  private void writeOptimization(WriteOptimizationConfig writeOptimization) {
    atLeast("writeOptimization.batchWindowMs", writeOptimization.batchWindowMs(), 0, "");
    atLeast("writeOptimization.debounceCountersMs", writeOptimization.debounceCountersMs(), 0, "where 0 writes counters on every operation");
  }

  private void limits(LimitsConfig limits) {
    atLeast("limits.maxDocumentBytes", limits.maxDocumentBytes(), MIN_DOCUMENT_BYTES, "");
    int depth = limits.maxNestingDepth();
    if (depth < MIN_NESTING_DEPTH || depth > MAX_NESTING_DEPTH) {
      add("limits.maxNestingDepth", "is " + depth + "; use " + MIN_NESTING_DEPTH + " to " + MAX_NESTING_DEPTH);
    }
    atLeast("limits.gcMinGraceSeconds", limits.gcMinGraceSeconds(), MIN_GC_GRACE_SECONDS,
        "so that garbage collection never races a write in flight");
    atLeast("limits.maxContentBytes", limits.maxContentBytes(), 1, "");
    long ttl = limits.maxPresignTtlSeconds();
    if (ttl < 1 || ttl > LimitsConfig.MAX_PRESIGN_TTL_SECONDS) {
      add("limits.maxPresignTtlSeconds", "is " + ttl + "; use 1 to " + LimitsConfig.MAX_PRESIGN_TTL_SECONDS
          + " (7 days, the longest S3 honours); the default is " + LimitsConfig.DEFAULT_PRESIGN_TTL_SECONDS);
    }
  }

  /** Whether one dotted path lies inside the other. */
  private static boolean nested(String a, String b) {
    return a.startsWith(b + ".") || b.startsWith(a + ".");
  }

  private void atLeast(String path, long value, long min, String alternative) {
    if (value < min) {
      add(path, "is " + value + "; use " + min + " or more" + (alternative.isEmpty() ? "" : ", " + alternative));
    }
  }

  private void add(String path, String message) {
    problems.add(Problem.at(path, message));
  }
}
