package io.udm.bench.growth;

import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ReadOptions;
import io.udm.api.WriteOptions;
import io.udm.bench.perf.Documents;
import io.udm.bench.perf.Measure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bench/run.sh growth}: how UDM's costs grow, on the in-JVM MongoDB-wire + S3 servers of the
 * performance suite and on the in-memory adapters.
 *
 * <ul>
 *   <li>history depth 1, 10, 100, 1,000 versions per item: p50/p99 of getLatest, getVersion, getAsOf
 *       (one version back, and the middle of the history), history and update, one thread;
 *   <li>collection size 1k, 10k, 100k items (up to the size given): the same reads and update on a
 *       sample of items, plus the throughput of the creates that grow the collection (8 threads);
 *   <li>creates/s at 8 threads with 1, 2 and 4 backend pairs (8 collections spread evenly over them).
 * </ul>
 *
 * Each curve gets a fresh UDM holding nothing else. Writes bench/growth-results.csv,
 * bench/growth-run.txt (seed, load, timings) and the chart bench/growth.png ({@link GrowthChart}).
 */
public final class GrowthSuite {
  static final String DEPTH = "depth";
  static final String SIZE = "size";
  static final String PAIRS = "pairs";
  private static final int[] DEPTHS = {1, 10, 100, 1000};
  private static final int[] SIZES = {1_000, 10_000, 100_000};
  private static final int[] PAIR_COUNTS = {1, 2, 4};
  /** Threads that seed (deepen, grow) the data and that write in the pairs curve. */
  private static final int WRITERS = 8;
  private static final int DEEP_ITEMS = 16;
  /** Updates per item measured at each depth: the item is d to d + this deep during the write run. */
  private static final int UPDATES_PER_DEEP_ITEM = 6;
  private static final int SAMPLE = 200;
  private static final int PAIR_ROUNDS = 3;

  /** One measured point of a curve. */
  record Row(String curve, String storage, long x, Measure.Result result, String note) {}

  private final long seed;
  private final int maxItems;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Path out;

  private GrowthSuite(long seed, int maxItems, Path out) {
    this.seed = seed;
    this.maxItems = maxItems;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    int maxItems = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path out = Path.of(args.length > 1 ? args[1] : "bench");
    List<String> storages = args.length > 2 ? List.of(args[2].split(","))
        : List.of(GrowthStore.MEMORY, GrowthStore.MONGO_S3);
    long seed = Long.getLong("udm.seed", ThreadLocalRandom.current().nextLong());
    System.out.println("seed " + seed + " (rerun with -Dudm.seed=" + seed + ")");
    GrowthSuite suite = new GrowthSuite(seed, maxItems, out);
    suite.note("seed " + seed);
    suite.note("started " + Instant.now());
    suite.note("load before " + Measure.loadAverage());
    suite.note("machine " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MiB; one JVM (servers and clients together)");
    for (String storage : storages) {
      suite.timed(storage + " warm-up", () -> suite.warmUp(storage));
      suite.timed(storage + " depth", () -> suite.depthCurve(storage));
      suite.timed(storage + " size", () -> suite.sizeCurve(storage));
      suite.timed(storage + " pairs", () -> suite.pairsCurve(storage));
    }
    suite.note("load after " + Measure.loadAverage());
    suite.note("finished " + Instant.now());
    suite.write();
    GrowthChart.write(suite.rows, out.resolve("growth.png"));
    System.out.println("wrote " + out.resolve("growth-results.csv") + ", growth-run.txt and growth.png");
  }

  private interface Curve {
    void run() throws Exception;
  }

  private void timed(String what, Curve curve) throws Exception {
    long start = System.nanoTime();
    curve.run();
    note(what + ": " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
    write();
  }

  private void note(String line) {
    System.out.println(line);
    notes.add(line);
  }

  private boolean memory(String storage) {
    return GrowthStore.MEMORY.equals(storage);
  }

  /** Reads per measurement and its time cap: the in-JVM servers are ~100x slower than memory. */
  private int readOps(String storage) {
    return memory(storage) ? 20_000 : 300;
  }

  private long capMillis(String storage) {
    return memory(storage) ? 2_000 : 3_000;
  }

  private Documents[] generators(long salt) {
    Documents[] docs = new Documents[WRITERS];
    for (int t = 0; t < WRITERS; t++) {
      docs[t] = new Documents(seed ^ (salt * 31 + t));
    }
    return docs;
  }

  private static Instant nowMillis() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Every measured call thousands of times on a throwaway store (not recorded), so the first curve
   * point is not the JIT's warm-up (400 were too few: the first MongoDB + S3 points were still slower).
   */
  private void warmUp(String storage) throws Exception {
    try (GrowthStore store = GrowthStore.open(storage, 1)) {
      ItemOps ops = store.ops("items");
      Documents[] docs = generators(0);
      int n = memory(storage) ? 20_000 : 2_000;
      String[] ids = new String[n];
      Measure.run("warm-up", "create", WRITERS, n, (t, i) -> ids[t * (n / WRITERS) + i] = ops.create(docs[t].next()).id());
      Instant between = spaced();
      Measure.run("warm-up", "update", WRITERS, n, (t, i) ->
          ops.update(ids[t * (n / WRITERS) + i], docs[t].next(), WriteOptions.none()));
      Measure.run("warm-up", "reads", 1, n, (t, i) -> {
        ops.getLatest(ids[i]).orElseThrow();
        ops.getVersion(ids[i], 1, ReadOptions.defaults()).orElseThrow();
        ops.getAsOf(ids[i], between, ReadOptions.defaults()).orElseThrow();
        ops.history(ids[i]);
      });
    }
  }

  // ---------------------------------------------------------------- history depth

  /**
   * Items deepened in steps to 1, 10, 100, 1,000 versions. {@code after[k][v]} is an instant
   * between version v and v + 1 of item k (the seeding waits a millisecond after each version, so
   * as-of reads of it are exact); null for versions written by the measured updates, which do not
   * wait.
   */
  private void depthCurve(String storage) throws Exception {
    try (GrowthStore store = GrowthStore.open(storage, 1)) {
      ItemOps ops = store.ops("items");
      Documents[] docs = generators(1);
      String[] ids = new String[DEEP_ITEMS];
      int[] versions = new int[DEEP_ITEMS];
      Instant[][] after = new Instant[DEEP_ITEMS][DEPTHS[DEPTHS.length - 1] + UPDATES_PER_DEEP_ITEM + 2];
      int perThread = DEEP_ITEMS / WRITERS;
      Measure.run("seed", "create", WRITERS, DEEP_ITEMS, (t, i) -> {
        int k = t * perThread + i;
        ids[k] = ops.create(docs[t].next()).id();
        versions[k] = 1;
        after[k][1] = spaced();
      });
      for (int depth : DEPTHS) {
        int target = depth;
        Measure.run("seed", "deepen to " + depth, WRITERS, WRITERS, (t, i) -> {
          for (int k = t * perThread; k < (t + 1) * perThread; k++) {
            while (versions[k] < target) {
              ops.update(ids[k], docs[t].next(), WriteOptions.none());
              after[k][++versions[k]] = spaced();
            }
          }
        });
        depthPoint(storage, ops, depth, ids, versions, after, docs[0]);
      }
    }
  }

  /** Waits until the clock's millisecond has passed the version just written; returns an instant between the two. */
  private static Instant spaced() throws InterruptedException {
    Instant at = nowMillis();
    Thread.sleep(1);
    while (!nowMillis().isAfter(at)) {
      Thread.sleep(1);
    }
    return at;
  }

  private void depthPoint(String storage, ItemOps ops, int depth, String[] ids, int[] versions, Instant[][] after,
      Documents docs) throws Exception {
    settle();
    int n = readOps(storage);
    long cap = capMillis(storage);
    String label = storage + " depth " + depth;
    add(DEPTH, storage, depth, Measure.run(label, "getLatest", 1, n, cap, (t, i) -> {
      int k = i % ids.length;
      expectOv(ops.getLatest(ids[k]).orElseThrow(), versions[k]);
    }), "");
    add(DEPTH, storage, depth, Measure.run(label, "getVersion", 1, n, cap, (t, i) ->
        expectOv(ops.getVersion(ids[i % ids.length], 1, ReadOptions.defaults()).orElseThrow(), 1)), "version 1");
    long[] back = new long[ids.length];
    Instant[] oneBack = new Instant[ids.length];
    Instant[] middle = new Instant[ids.length];
    long[] middleOv = new long[ids.length];
    for (int k = 0; k < ids.length; k++) {
      back[k] = Math.max(1, versions[k] - 1);
      oneBack[k] = after[k][(int) back[k]];
      int mid = Math.max(1, versions[k] / 2);
      while (after[k][mid] == null) {
        mid--; // a version of a measured update: take the nearest older seeded one
      }
      middle[k] = after[k][mid];
      middleOv[k] = mid;
    }
    add(DEPTH, storage, depth, Measure.run(label, "getAsOf 1 back", 1, n, cap, (t, i) -> {
      int k = i % ids.length;
      expectOv(ops.getAsOf(ids[k], oneBack[k], ReadOptions.defaults()).orElseThrow(), back[k]);
    }), "version " + back[0] + " of " + versions[0]);
    add(DEPTH, storage, depth, Measure.run(label, "getAsOf middle", 1, n, cap, (t, i) -> {
      int k = i % ids.length;
      expectOv(ops.getAsOf(ids[k], middle[k], ReadOptions.defaults()).orElseThrow(), middleOv[k]);
    }), "version " + middleOv[0] + " of " + versions[0]);
    int historyOps = memory(storage) ? Math.max(200, n / Math.max(1, depth / 10)) : n;
    add(DEPTH, storage, depth, Measure.run(label, "history", 1, historyOps, cap, (t, i) -> {
      int k = i % ids.length;
      if (ops.history(ids[k]).size() != versions[k]) {
        throw new IllegalStateException("history of " + ids[k] + " is not " + versions[k] + " versions long");
      }
    }), versions[0] + " versions");
    int updates = ids.length * UPDATES_PER_DEEP_ITEM;
    int before = versions[0];
    add(DEPTH, storage, depth, Measure.run(label, "update", 1, updates, cap, (t, i) -> {
      int k = i % ids.length;
      ops.update(ids[k], docs.next(), WriteOptions.none());
      versions[k]++;
    }), "items " + before + " to " + versions[0] + " versions deep");
  }

  private static void expectOv(ItemView view, long ov) {
    if (view.ov() != ov) {
      throw new IllegalStateException("read " + view.id() + " at ov " + view.ov() + ", expected " + ov);
    }
  }

  // ---------------------------------------------------------------- collection size

  private void sizeCurve(String storage) throws Exception {
    try (GrowthStore store = GrowthStore.open(storage, 1)) {
      ItemOps ops = store.ops("items");
      Documents[] docs = generators(2);
      SplittableRandom pick = new SplittableRandom(seed ^ 3);
      String[] ids = new String[maxItems];
      int size = 0;
      for (int level : levels()) {
        int from = size;
        int perThread = (level - from) / WRITERS;
        Measure.Result grow = Measure.run(storage + " size " + level, "create (grow)", WRITERS, level - from,
            (t, i) -> ids[from + t * perThread + i] = ops.create(docs[t].next()).id());
        size = from + perThread * WRITERS;
        add(SIZE, storage, size, grow, "creates " + from + " to " + size + ", 8 threads");
        sizePoint(storage, ops, size, ids, pick, docs[0]);
      }
    }
  }

  /** 1k, 10k, 100k up to {@code maxItems}, and {@code maxItems} itself when it falls between them. */
  private List<Integer> levels() {
    List<Integer> levels = new ArrayList<>();
    for (int level : SIZES) {
      if (level <= maxItems) {
        levels.add(level);
      }
    }
    if (levels.isEmpty() || levels.get(levels.size() - 1) < maxItems) {
      levels.add(maxItems);
    }
    if (maxItems < SIZES[SIZES.length - 1]) {
      note("size curve limited to " + maxItems + " items");
    }
    return levels;
  }

  private void sizePoint(String storage, ItemOps ops, int size, String[] ids, SplittableRandom pick, Documents docs)
      throws Exception {
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < Math.min(SAMPLE, size)) {
      chosen.add(ids[pick.nextInt(size)]);
    }
    String[] sample = chosen.toArray(String[]::new);
    long[] ov = new long[sample.length];
    for (int k = 0; k < sample.length; k++) {
      ov[k] = ops.getLatest(sample[k]).orElseThrow().ov();
    }
    settle();
    Instant between = spaced();
    int n = readOps(storage);
    long cap = capMillis(storage);
    String label = storage + " size " + size;
    Measure.Result update = Measure.run(label, "update", 1, sample.length, cap, (t, i) -> {
      ops.update(sample[i], docs.next(), WriteOptions.none());
      ov[i]++;
    });
    add(SIZE, storage, size, update, "one update of each of " + update.ops() + " sampled items");
    add(SIZE, storage, size, Measure.run(label, "getLatest", 1, n, cap, (t, i) -> {
      int k = i % sample.length;
      expectOv(ops.getLatest(sample[k]).orElseThrow(), ov[k]);
    }), "");
    add(SIZE, storage, size, Measure.run(label, "getVersion", 1, n, cap, (t, i) ->
        expectOv(ops.getVersion(sample[i % sample.length], 1, ReadOptions.defaults()).orElseThrow(), 1)),
        "version 1");
    add(SIZE, storage, size, Measure.run(label, "getAsOf 1 back", 1, n, cap, (t, i) ->
        ops.getAsOf(sample[i % sample.length], between, ReadOptions.defaults()).orElseThrow()),
        "the version before the measured update");
    add(SIZE, storage, size, Measure.run(label, "history", 1, n, cap, (t, i) -> {
      int k = i % sample.length;
      if (ops.history(sample[k]).size() != ov[k]) {
        throw new IllegalStateException("history of " + sample[k] + " is not " + ov[k] + " versions long");
      }
    }), "1-3 versions");
  }

  // ---------------------------------------------------------------- backend pairs

  /**
   * The three pair counts side by side, in three interleaved rounds (1, 2, 4, 1, 2, 4, ...), so a
   * change in the machine's load hits them alike; every round is a row, the chart takes the median.
   */
  private void pairsCurve(String storage) throws Exception {
    int ops = memory(storage) ? 24_000 : 1_600;
    List<GrowthStore> stores = new ArrayList<>();
    try {
      List<ItemOps[]> writers = new ArrayList<>();
      List<List<String>> spread = new ArrayList<>();
      for (int pairs : PAIR_COUNTS) {
        GrowthStore store = GrowthStore.open(storage, pairs);
        stores.add(store);
        List<String> collections = store.evenlySpreadCollections(WRITERS);
        ItemOps[] byThread = new ItemOps[WRITERS];
        for (int t = 0; t < WRITERS; t++) {
          byThread[t] = store.ops(collections.get(t));
        }
        writers.add(byThread);
        spread.add(collections);
        Documents[] docs = generators(10L + pairs);
        Measure.run("warm-up", "create", WRITERS, ops / 4, (t, i) -> byThread[t].create(docs[t].next()));
      }
      for (int round = 1; round <= PAIR_ROUNDS; round++) {
        for (int p = 0; p < PAIR_COUNTS.length; p++) {
          int pairs = PAIR_COUNTS[p];
          ItemOps[] byThread = writers.get(p);
          Documents[] docs = generators(100L * round + pairs);
          settle();
          add(PAIRS, storage, pairs, Measure.run(storage + " " + pairs + " pair(s)", "create", WRITERS, ops, 20_000,
              (t, i) -> byThread[t].create(docs[t].next())),
              "round " + round + ", 8 threads, 8 collections " + String.join(" ", spread.get(p)));
        }
      }
    } finally {
      for (GrowthStore store : stores) {
        store.close();
      }
    }
  }

  /** A full GC between points, so one point's garbage is not collected during the next. */
  private static void settle() {
    System.gc();
  }

  // ---------------------------------------------------------------- output

  private void add(String curve, String storage, long x, Measure.Result result, String note) {
    rows.add(new Row(curve, storage, x, result, note));
  }

  private void write() throws Exception {
    Files.createDirectories(out);
    StringBuilder csv = new StringBuilder("curve,storage,x,operation,threads,ops,ops_per_s,p50_ms,p99_ms,note\n");
    for (Row row : rows) {
      Measure.Result r = row.result();
      csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%d,%.1f,%.3f,%.3f,\"%s\"%n", row.curve(), row.storage(),
          row.x(), r.op(), r.threads(), r.ops(), r.opsPerSecond(), r.p50Millis(), r.p99Millis(), row.note()));
    }
    Files.writeString(out.resolve("growth-results.csv"), csv);
    Files.writeString(out.resolve("growth-run.txt"), String.join("\n", notes) + "\n");
  }
}
