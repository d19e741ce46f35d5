package io.udm.bench.perf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.ItemOps;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.OptimizerStats;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.CacheConfig;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.StorageConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.WriteOptimizationConfig;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.embedded.EmbeddedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bench/run.sh perf}: UDM side by side with the raw drivers and with Javers, on the same
 * MongoDB-wire (mongo-java-server) and S3 (S3Proxy) servers in this JVM, and UDM on the in-memory
 * adapters; writes at 1, 8 and 32 threads, with and without the optimizer. Prints every figure
 * and writes bench/perf-results.csv and bench/perf-results.md. See bench/README.md.
 */
public final class PerfSuite {
  private static final int[] WRITERS = {1, 8, 32};
  private static final String USERS = "users";

  private final int writeOps;
  private final int readOps;
  private final Documents docs;
  private final List<Measure.Result> results = new ArrayList<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  private PerfSuite(int writeOps, int readOps, long seed) {
    this.writeOps = writeOps;
    this.readOps = readOps;
    this.docs = new Documents(seed);
  }

  public static void main(String[] args) throws Exception {
    int writeOps = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    int readOps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Path out = Path.of(args.length > 2 ? args[2] : "bench");
    long seed = Long.getLong("udm.seed", ThreadLocalRandom.current().nextLong());
    System.out.println("seed " + seed + " (rerun with -Dudm.seed=" + seed + ")");
    PerfSuite suite = new PerfSuite(writeOps, readOps, seed);
    suite.notes.put("load before", Measure.loadAverage());
    suite.notes.put("started", Instant.now().toString());
    suite.run();
    suite.notes.put("load after", Measure.loadAverage());
    suite.write(out);
  }

  /** The default options: payloads up to 4 KiB inline, counters debounced 100 ms, the payload cache on. */
  private static UdmConfig defaults() {
    return UdmConfig.builder()
        .putCollectionMaps(USERS, CollectionMap.builder().addIndexedProps("status", "email").build())
        // Only for getOptimizerStats; the worker is off (no write here fails).
        .fallback(FallbackConfig.builder().enabled(true).workerEnabled(false).build())
        .build();
  }

  /** The defaults with the optimizer's options on: batchS3 (10 ms) and counters debounced 1 s. */
  private static UdmConfig optimized() {
    return UdmConfig.builder().from(defaults())
        .writeOptimization(WriteOptimizationConfig.builder().batchS3(true).batchWindowMs(10).debounceCountersMs(1000)
            .build())
        .build();
  }

  /** The layout and options the defaults were before: every payload in S3, counters sent per write, no cache. */
  private static UdmConfig objectLayout() {
    return UdmConfig.builder().from(defaults())
        .storage(StorageConfig.builder().inlineMaxBytes(0).build())
        .cache(CacheConfig.builder().maxBytes(0).build())
        .writeOptimization(WriteOptimizationConfig.builder().debounceCountersMs(0).build())
        .build();
  }

  private void run() throws Exception {
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(1)) {
      ConnectOptions connect = ConnectOptions.defaults().withCreateBucketsIfMissing(true);
      try (RawStore raw = new RawStore(servers.mongoUri(0), servers.s3Endpoint(0), "udm-local", "udm-local-secret",
              "raw-json", "raw");
          Udm plain = Udms.create(servers.configFor(defaults(), "plain"), connect);
          Udm optimized = Udms.create(servers.configFor(optimized(), "opt"), connect);
          Udm objects = Udms.create(servers.configFor(objectLayout(), "objects"), connect);
          Udm memory = Udms.inMemory(defaults());
          JaversContender javers = new JaversContender(servers.mongoUri(0))) {
        Map<String, ItemOps> udms = new LinkedHashMap<>();
        udms.put("udm", plain.with(RouteContext.of("plain", "bench", USERS)));
        udms.put("udm+optimizer", optimized.with(RouteContext.of("opt", "bench", USERS)));
        udms.put("udm-objects", objects.with(RouteContext.of("objects", "bench", USERS)));
        udms.put("udm-memory", memory.with(RouteContext.of("mem", "bench", USERS)));
        warmUp(raw, udms, javers);
        for (int writers : WRITERS) {
          writes(writers, raw, udms, javers);
        }
        OptimizerStats stats = optimized.fallback().orElseThrow().getOptimizerStats();
        notes.put("udm+optimizer stats", stats.toString());
        reads(raw, udms, javers);
      }
    }
  }

  private void warmUp(RawStore raw, Map<String, ItemOps> udms, JaversContender javers) throws Exception {
    System.out.println("warming up (not recorded)");
    for (int round = 0; round < 2; round++) {
      for (ItemOps ops : udms.values()) {
        Measure.run("warm-up", "create", 4, 400, (t, i) -> ops.create(docs.next()));
      }
      String prefix = "warm" + round + "-";
      Measure.run("warm-up", "raw create", 4, 400, (t, i) -> raw.write(USERS, prefix + t + "-" + i, 1,
          docs.next().toString()));
      Measure.run("warm-up", "javers", 4, 400, (t, i) -> javers.commit(prefix + t + "-" + i, docs.next()));
    }
  }

  private void writes(int writers, RawStore raw, Map<String, ItemOps> udms, JaversContender javers) throws Exception {
    int n = writeOps;
    String tag = "w" + writers + "-";
    results.add(Measure.run("raw", "create", writers, n, (t, i) -> raw.write(USERS, tag + t + "-" + i, 1,
        docs.next().toString())));
    for (Map.Entry<String, ItemOps> e : udms.entrySet()) {
      ItemOps ops = e.getValue();
      results.add(Measure.run(e.getKey(), "create", writers, n, (t, i) -> ops.create(docs.next())));
    }
    results.add(Measure.run("javers", "commit (create)", writers, n, (t, i) -> javers.commit(tag + t + "-" + i,
        docs.next())));

    // Updates: each thread updates its own 4 items in turn (no conflicts between threads).
    int perThread = 4;
    String[][] rawIds = new String[writers][perThread];
    long[][] rawOv = new long[writers][perThread];
    for (int t = 0; t < writers; t++) {
      for (int k = 0; k < perThread; k++) {
        rawIds[t][k] = "u" + tag + t + "-" + k;
        raw.write(USERS, rawIds[t][k], 1, docs.next().toString());
        rawOv[t][k] = 1;
      }
    }
    results.add(Measure.run("raw", "update", writers, n, (t, i) -> {
      int k = i % perThread;
      raw.write(USERS, rawIds[t][k], ++rawOv[t][k], docs.next().toString());
    }));
    for (Map.Entry<String, ItemOps> e : udms.entrySet()) {
      ItemOps ops = e.getValue();
      String[][] ids = new String[writers][perThread];
      for (int t = 0; t < writers; t++) {
        for (int k = 0; k < perThread; k++) {
          ids[t][k] = ops.create(docs.next()).id();
        }
      }
      results.add(Measure.run(e.getKey(), "update", writers, n, (t, i) ->
          ops.update(ids[t][i % perThread], docs.next(), WriteOptions.none())));
    }
    for (int t = 0; t < writers; t++) {
      for (int k = 0; k < perThread; k++) {
        javers.commit("u" + tag + t + "-" + k, docs.next());
      }
    }
    results.add(Measure.run("javers", "commit (update)", writers, n, (t, i) ->
        javers.commit("u" + tag + t + "-" + (i % perThread), docs.next())));
  }

  private void reads(RawStore raw, Map<String, ItemOps> udms, JaversContender javers) throws Exception {
    int items = 200;
    // Seed: items with 2 versions for latest/version/as-of reads.
    List<String> rawIds = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      String id = "r-" + i;
      raw.write(USERS, id, 1, docs.next().toString());
      rawIds.add(id);
    }
    Map<String, List<String>> udmIds = new LinkedHashMap<>();
    Map<String, Instant> between = new LinkedHashMap<>();
    for (Map.Entry<String, ItemOps> e : udms.entrySet()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        CreateResult c = e.getValue().create(docs.next());
        ids.add(c.id());
      }
      // getAsOf reads version 1: an instant between the creates and the updates.
      Thread.sleep(5);
      between.put(e.getKey(), Instant.now());
      Thread.sleep(5);
      for (String id : ids) {
        e.getValue().update(id, docs.next(), WriteOptions.none());
      }
      udmIds.put(e.getKey(), ids);
    }
    List<String> javersIds = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      String id = "jr-" + i;
      javers.commit(id, docs.next());
      javers.commit(id, docs.next());
      javersIds.add(id);
    }
    for (int threads : new int[] {1, 8}) {
      results.add(Measure.run("raw", "latest", threads, readOps, (t, i) -> raw.latest(USERS, rawIds.get(i % items))));
      for (Map.Entry<String, ItemOps> e : udms.entrySet()) {
        ItemOps ops = e.getValue();
        List<String> ids = udmIds.get(e.getKey());
        String latestName = e.getKey().equals("udm") ? "getLatest (cold)"
            : e.getKey().equals("udm+optimizer") ? "getLatest (hot)" : "getLatest";
        results.add(Measure.run(e.getKey(), latestName, threads, readOps, (t, i) ->
            ops.getLatest(ids.get(i % items)).orElseThrow()));
        results.add(Measure.run(e.getKey(), "getVersion", threads, readOps, (t, i) ->
            ops.getVersion(ids.get(i % items), 1, ReadOptions.defaults()).orElseThrow()));
        Instant asOf = between.get(e.getKey());
        results.add(Measure.run(e.getKey(), "getAsOf", threads, readOps, (t, i) ->
            ops.getAsOf(ids.get(i % items), asOf, ReadOptions.defaults()).orElseThrow()));
      }
      results.add(Measure.run("javers", "latest snapshot", threads, readOps, (t, i) ->
          javers.latest(javersIds.get(i % items))));
    }

    for (int depth : new int[] {10, 100, 1000}) {
      int reads = Math.max(20, readOps / Math.max(1, depth / 10));
      for (Map.Entry<String, ItemOps> e : udms.entrySet()) {
        if (e.getKey().equals("udm-memory") && depth > 100) {
          continue;
        }
        ItemOps ops = e.getValue();
        String id = ops.create(docs.next()).id();
        for (int v = 1; v < depth; v++) {
          ops.update(id, docs.next(), WriteOptions.none());
        }
        results.add(Measure.run(e.getKey(), "history " + depth, 1, reads, (t, i) -> {
          if (ops.history(id).size() != depth) {
            throw new IllegalStateException("history of " + id);
          }
        }));
      }
      String jid = "h" + depth;
      for (int v = 0; v < depth; v++) {
        javers.commit(jid, docs.next());
      }
      results.add(Measure.run("javers", "history " + depth, 1, reads, (t, i) -> {
        if (javers.history(jid, depth) != depth) {
          throw new IllegalStateException("javers history of " + jid);
        }
      }));
    }

    MetaQuery active = MetaQuery.fromJson("{\"status\": \"active\"}");
    for (Map.Entry<String, ItemOps> e : udms.entrySet()) {
      ItemOps ops = e.getValue();
      results.add(Measure.run(e.getKey(), "listByMeta page 100", 1, Math.max(20, readOps / 20), (t, i) ->
          ops.listByMeta(active, ListOptions.builder().limit(100).build())));
    }
  }

  /** One row of the ratios table: {@code contender}'s {@code op} over {@code peer}'s at each writer count. */
  private void writerRatios(StringBuilder md, String contender, String peer, String op, String peerOp) {
    md.append("| ").append(contender).append(" / ").append(peer).append(' ').append(op);
    for (int w : WRITERS) {
      md.append(" | ").append(ratio(contender, op, peer, peerOp, w));
    }
    md.append(" |\n");
  }

  private Optional<Measure.Result> find(String contender, String op, int threads) {
    return results.stream().filter(r -> r.contender().equals(contender) && r.op().equals(op) && r.threads() == threads)
        .findFirst();
  }

  private String ratio(String contender, String op, String peer, String peerOp, int threads) {
    Optional<Measure.Result> a = find(contender, op, threads);
    Optional<Measure.Result> b = find(peer, peerOp, threads);
    if (a.isEmpty() || b.isEmpty()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2fx", a.get().opsPerSecond() / b.get().opsPerSecond());
  }

  private void write(Path dir) throws Exception {
    Files.createDirectories(dir);
    StringBuilder csv = new StringBuilder("contender,operation,threads,ops,ops_per_s,p50_ms,p99_ms\n");
    for (Measure.Result r : results) {
      csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.1f,%.3f,%.3f%n", r.contender(), r.op(), r.threads(), r.ops(),
          r.opsPerSecond(), r.p50Millis(), r.p99Millis()));
    }
    Files.writeString(dir.resolve("perf-results.csv"), csv);

    StringBuilder md = new StringBuilder("# Performance suite results\n\n");
    notes.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
        .append(", one JVM (servers and clients together)\n\n");
    md.append("| contender | operation | threads | ops/s | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- | --- |\n");
    for (Measure.Result r : results) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %.2f | %.2f |%n", r.contender(), r.op(),
          r.threads(), r.opsPerSecond(), r.p50Millis(), r.p99Millis()));
    }
    md.append("\n## Ratios (throughput)\n\n| comparison | 1 | 8 | 32 |\n| --- | --- | --- | --- |\n");
    for (String op : List.of("create", "update")) {
      writerRatios(md, "udm", "raw", op, op);
      writerRatios(md, "udm+optimizer", "raw", op, op);
      writerRatios(md, "udm+optimizer", "udm", op, op);
      writerRatios(md, "udm", "udm-objects", op, op);
      writerRatios(md, "udm", "javers", op, "commit (" + op + ")");
    }
    for (int threads : new int[] {1, 8}) {
      md.append("| getLatest cold / raw latest, ").append(threads).append(" thread(s) | ")
          .append(ratio("udm", "getLatest (cold)", "raw", "latest", threads)).append(" | | |\n");
      md.append("| getLatest hot / raw latest, ").append(threads).append(" thread(s) | ")
          .append(ratio("udm+optimizer", "getLatest (hot)", "raw", "latest", threads)).append(" | | |\n");
      md.append("| getLatest cold / javers latest snapshot, ").append(threads).append(" thread(s) | ")
          .append(ratio("udm", "getLatest (cold)", "javers", "latest snapshot", threads)).append(" | | |\n");
    }
    for (int depth : new int[] {10, 100, 1000}) {
      md.append("| udm history ").append(depth).append(" / javers | ")
          .append(ratio("udm", "history " + depth, "javers", "history " + depth, 1)).append(" | | |\n");
    }
    Files.writeString(dir.resolve("perf-results.md"), md);
    System.out.println(md);
  }
}
