package io.udm.bench.micro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.LimitsConfig;
import io.udm.api.config.RoutingConfig;
import io.udm.api.json.JsonValues;
import io.udm.bench.perf.Documents;
import io.udm.domain.document.DocumentRules;
import io.udm.domain.document.MetaExtractor;
import io.udm.domain.merge.DeepMerge;
import io.udm.domain.routing.RendezvousRouter;
import io.udm.domain.write.CommittedState;
import io.udm.domain.write.CurrentState;
import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.RequestFingerprint;
import io.udm.domain.write.SystemHeaders;
import io.udm.domain.write.VersionPlanner;
import io.udm.domain.write.WriteRejection;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.ItemKey;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH microbenchmarks of the CPU-bound paths every write or routing decision runs in process
 * ({@code bench/run.sh jmh}): planning a version, validating a document, the enrichment deep merge,
 * meta extraction, canonical JSON and its SHA-256 (a request's fingerprint), and the rendezvous
 * (HRW) choice over 10 backends. Inputs are the perf suite's ~1 KB documents, 64 of them cycled so
 * no call sees the same input twice in a row; the seed is fixed ({@link #SEED}) and printed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CpuPaths {
  public static final long SEED = 20261207L;
  private static final int DOCS = 64;
  private static final int BACKENDS = 10;
  private static final int CONTEXTS = 1024;

  private final List<ObjectNode> docs = new ArrayList<>();
  private final List<RouteContext> contexts = new ArrayList<>();
  private VersionPlanner planner;
  private CollectionMap map;
  private CollectionMap schemaMap;
  private ItemKey key;
  private CommittedState live;
  private ObjectNode patch;
  private RendezvousRouter router;
  private Instant now;
  private int next;

  @Setup
  public void setUp() {
    System.out.println("seed " + SEED);
    Documents generator = new Documents(SEED);
    for (int i = 0; i < DOCS; i++) {
      docs.add(generator.next());
    }
    planner = new VersionPlanner(new DocumentRules(LimitsConfig.builder().build()));
    // Four indexed props: two top-level scalars, a nested one and a number, as a users collection might have.
    map = CollectionMap.builder().addIndexedProps("status", "email", "address.city", "score").build();
    schemaMap = CollectionMap.builder().from(map).schema(JsonValues.parseObject(TEN_RULE_SCHEMA)).build();
    key = ItemKey.of(RouteContext.of("t1", "db", "users"), "0123456789abcdef01234567");
    now = Instant.parse("2026-12-07T00:00:00Z");
    Instant earlier = now.minusSeconds(60);
    live = CommittedState.of(Optional.of(new CurrentState(key.objectId(), 5, earlier,
        SystemHeaders.updated(SystemHeaders.created(earlier.minusSeconds(60)), earlier))));
    patch = JsonValues.parseObject("{\"address\": {\"city\": \"Shelbyville\", \"geo\": {\"lat\": 39.8, \"lon\": -89.6}},"
        + " \"tags\": [\"tag-1\", \"tag-new\"], \"score\": 5, \"notes\": null, \"enrichedBy\": \"geo-v2\"}");
    List<String> backendIds = new ArrayList<>();
    for (int i = 0; i < BACKENDS; i++) {
      backendIds.add("b-" + String.format("%010x", 0x1000000000L * (i + 1) + i));
    }
    router = new RendezvousRouter(backendIds, RoutingConfig.builder().build());
    for (int i = 0; i < CONTEXTS; i++) {
      contexts.add(RouteContext.of("tenant-" + (i % 16), "db", "collection-" + i));
    }
  }

  /**
   * Ten rules over the perf suite's documents, all of which they satisfy: required fields, a
   * pattern, an enum, a minimum, a nested object with its own required field and lengths, an array
   * with an item type and a maximum size.
   */
  static final String TEN_RULE_SCHEMA = """
      {"type": "object", "required": ["email", "status", "score"],
       "properties": {
         "email": {"type": "string", "pattern": "^[^@]+@[^@]+$"},
         "status": {"enum": ["active", "inactive", "pending"]},
         "score": {"type": "integer", "minimum": 0},
         "createdAt": {"type": "string", "maxLength": 40},
         "address": {"type": "object", "required": ["city"],
           "properties": {"city": {"type": "string", "maxLength": 64}, "zip": {"type": "string", "pattern": "^[0-9]{5}$"}}},
         "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 64},
         "notes": {"type": "string", "maxLength": 4096}}}""";

  private ObjectNode doc() {
    next = (next + 1) % DOCS;
    return docs.get(next);
  }

  /** A create's version: the request's copy of the document, the header, meta, the stored document. */
  @Benchmark
  public Either<WriteRejection, PlannedVersion> planCreate() {
    return planner.plan(new WriteRequest.Create(key, doc(), WriteOptions.none(), true),
        CommittedState.of(Optional.empty()), map, now);
  }

  /** An update's version of a live item at ov 5. */
  @Benchmark
  public Either<WriteRejection, PlannedVersion> planUpdate() {
    return planner.plan(new WriteRequest.Update(key, doc(), WriteOptions.none()), live, map, now);
  }

  /** The checks of a caller's document before any I/O (size, depth, keys, numbers, required props). */
  @Benchmark
  public List<String> validate() {
    return planner.documentProblems(doc(), map, "users");
  }

  /** The ten-rule JSON Schema alone, on a ~1 KB document ({@link #TEN_RULE_SCHEMA}). */
  @Benchmark
  public Object schemaValidation() {
    return schemaMap.compiledSchema().orElseThrow().violations(doc());
  }

  /** {@link #validate()} on a collection with the ten-rule schema: what a create's checks cost with one. */
  @Benchmark
  public List<String> validateWithSchema() {
    return planner.documentProblems(doc(), schemaMap, "users");
  }

  /** The enrichment merge alone: a nested object, an array union, a scalar, a removal. */
  @Benchmark
  public ObjectNode deepMerge() {
    return DeepMerge.merge(doc(), patch);
  }

  /** An enrichment's whole plan: the merge, the merged document's checks, meta, the header. */
  @Benchmark
  public Either<WriteRejection, PlannedVersion> planEnrich() {
    return planner.enrich(key.objectId(), live.current(), doc(), patch, "geo-v2", map, "users",
        WriteOptions.none().expectedOv(), now);
  }

  /** The values at the four indexed paths, canonicalized. */
  @Benchmark
  public ObjectNode metaExtract() {
    return MetaExtractor.extract(doc(), map.indexedProps());
  }

  /** Canonical JSON (keys sorted, recursively) serialized to bytes. */
  @Benchmark
  public byte[] canonicalJson() {
    return JsonValues.toBytes(JsonValues.canonical(doc()));
  }

  /** Canonical JSON + SHA-256: the fingerprint of an update request (hex). */
  @Benchmark
  public String canonicalJsonSha256() {
    return RequestFingerprint.of(Op.UPDATE, key.objectId(), doc());
  }

  /** The rendezvous owner of a collection among 10 backends: routing key, 10 scores, the highest. */
  @Benchmark
  public int hrwChoose10() {
    next = (next + 1) % CONTEXTS;
    return router.choose(contexts.get(next));
  }
}
