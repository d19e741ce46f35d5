package io.udm.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.CounterQuery;
import io.udm.api.FallbackApi;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.json.JsonValues;
import io.udm.app.Seeds;
import io.udm.app.StoragePorts;
import io.udm.app.TestUdms;
import io.udm.app.faults.FaultInjector;
import io.udm.app.faults.FaultyPorts;
import io.udm.bootstrap.ids.UuidV7IdGeneratorAdapter;
import io.udm.bootstrap.wiring.ProductionStorage;
import io.udm.cli.UdmCli;
import io.udm.embedded.EmbeddedServers;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes killed with SIGKILL at random points lose nothing and apply nothing twice: a retry
 * worker ({@code udm queue --work} in its own JVM) killed again and again while it drains the
 * queue, and a writer process killed between its writes. Afterwards every queued op and every
 * acknowledged write is committed exactly once, in order per item, the counters equal a recount
 * from the version log, and every head carries its dev shadow.
 *
 * <p>CI runs a short count; the full run is {@code mvn -pl udm-bootstrap test -Dtest=FallbackKillTest
 * -Dudm.kill.kills=50 -Dudm.kill.ops=2000} (README, "The fallback queue").
 */
class FallbackKillTest {
  private static final int KILLS = Integer.getInteger("udm.kill.kills", 5);
  private static final int OPS = Integer.getInteger("udm.kill.ops", 200);
  /** Past every lease (30 s) and after-commit claim (60 s) a killed process held. */
  private static final Duration LATER = Duration.ofMinutes(3);

  private final RouteContext queued = RouteContext.of("acme", "crm", "queued");
  private final RouteContext written = RouteContext.of("acme", "crm", "written");

  @TempDir
  Path dir;

  private EmbeddedServers servers;
  private Path configFile;
  private UdmConfig config;
  private StoragePorts ports;
  private final List<Udm> opened = new ArrayList<>();

  @BeforeEach
  void servers() throws Exception {
    servers = EmbeddedServers.transientPairs(1);
    var c = servers.spacesConn(0, "kill");
    String json = "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\"], \"spacesConns\": [{\"endpoint\": \""
        + c.endpoint() + "\", \"region\": \"" + c.region() + "\", \"accessKey\": \"" + c.accessKey()
        + "\", \"secretKey\": \"" + c.secretKey() + "\", \"backupsBucket\": \"" + c.backupsBucket()
        + "\", \"jsonBucket\": \"" + c.jsonBucket() + "\", \"contentBucket\": \"" + c.contentBucket()
        + "\", \"forcePathStyle\": true}],"
        + " \"fallback\": {\"enabled\": true, \"workerEnabled\": true, \"baseDelayMs\": 20, \"maxDelayMs\": 500,"
        + " \"maxAttempts\": 1000000},"
        + " \"devShadow\": {\"enabled\": true, \"ttlHours\": 24, \"maxBytesPerDoc\": 100000},"
        // Counter changes held for a while: a kill loses what the process held, never what it owes.
        + " \"writeOptimization\": {\"debounceCountersMs\": 300}}";
    configFile = dir.resolve("udm.json");
    Files.writeString(configFile, json);
    config = UdmConfig.load(configFile);
    ports = ProductionStorage.open(config, true, Duration.ofSeconds(10));
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
    for (AutoCloseable resource : ports.resources()) {
      try {
        resource.close();
      } catch (Exception e) {
        // best effort
      }
    }
    servers.close();
  }

  private Udm open(StoragePorts on, UdmConfig processConfig, Clock clock) {
    Udm udm = TestUdms.open(processConfig, on, clock, new UuidV7IdGeneratorAdapter());
    opened.add(udm);
    return udm;
  }

  private UdmConfig withoutWorkerOrSweeper() {
    return UdmConfig.builder().from(config)
        .fallback(io.udm.api.config.FallbackConfig.builder().from(config.fallback()).workerEnabled(false).build())
        .afterCommit(io.udm.api.config.AfterCommitConfig.builder().sweepIntervalMs(0).build())
        .build();
  }

  @Test
  void killedWorkersAndWritersLoseNothingAndApplyNothingTwice() throws Exception {
    long seed = Seeds.seed("FallbackKillTest");
    Random random = new Random(seed);
    long started = System.nanoTime();

    Map<String, List<String>> queuedByItem = enqueue(OPS);
    FallbackApi queueView = open(shared(), withoutWorkerOrSweeper(), Clock.systemUTC()).fallback().orElseThrow();
    int workerKills = killRepeatedly(KILLS, random,
        javaCommand(UdmCli.class, "--config", configFile.toString(), "queue", "--work"), "worker", queueView);
    List<String> acked = new ArrayList<>();
    int writerKills = 0;
    for (int run = 0; run < Math.max(1, KILLS / 5); run++) {
      acked.addAll(killWriter("w" + run, random));
      writerKills++;
    }

    // Later (past every claim and lease the killed processes held), one process drains and sweeps.
    Clock later = Clock.offset(Clock.systemUTC(), LATER);
    TestUdms.Opened survivor = TestUdms.openWithSweeper(withoutWorkerOrSweeper(), shared(), later,
        new UuidV7IdGeneratorAdapter());
    opened.add(survivor.udm());
    FallbackApi fallback = survivor.udm().fallback().orElseThrow();
    fallback.startWorker();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (fallback.getQueueStats().queueSize() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    fallback.stopWorker();
    long swept = survivor.sweeper().sweepOnce().versionsClaimed();
    long stillQueued = fallback.getQueueStats().queueSize();
    long deadLettered = fallback.getQueueStats().deadLetterSize();
    // Closing sends what the survivor itself holds.
    survivor.udm().close();
    // As the periodic sweeper would, a later process sweeps once more, past the claims the
    // survivor's sweep took: work whose application failed there (a store error under load) is
    // finished now. Work marked done without its effect would stay missing and fail the checks.
    TestUdms.Opened later2 = TestUdms.openWithSweeper(withoutWorkerOrSweeper(), shared(),
        Clock.offset(Clock.systemUTC(), LATER.multipliedBy(2)), new UuidV7IdGeneratorAdapter());
    opened.add(later2.udm());
    long resweep = later2.sweeper().sweepOnce().versionsClaimed();

    BackendPorts backend = ports.backends().get(0);
    Figures queuedFigures = checkQueued(backend, queuedByItem);
    Figures writtenFigures = checkWritten(backend, acked);
    // Every item of the collection: a writer killed between a commit and its ack leaves a committed write
    // nobody acknowledged, which the counters rightly count.
    long countersOff = countersOffByRecount(backend, queued) + countersOffByRecount(backend, written);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf("[fallback-kill] seed=%d worker kills=%d queued ops=%d lost=%d duplicated=%d out of order=%d"
            + " dead-lettered=%d | writer kills=%d acknowledged writes=%d lost=%d duplicated=%d | counters off by"
            + " recount=%d | heads without their shadow=%d | versions whose after-commit work the sweeper applied=%d"
            + " (a second sweep later: %d) | %d ms%n", seed, workerKills, OPS, queuedFigures.lost, queuedFigures.duplicated,
        queuedFigures.outOfOrder, deadLettered, writerKills, acked.size(),
        writtenFigures.lost, writtenFigures.duplicated, countersOff, queuedFigures.shadowless
            + writtenFigures.shadowless, swept, resweep, elapsedMs);

    assertThat(stillQueued).as("ops still queued").isZero();
    assertThat(deadLettered).isZero();
    assertThat(queuedFigures).isEqualTo(Figures.NONE);
    assertThat(writtenFigures).isEqualTo(Figures.NONE);
    assertThat(countersOff).isZero();
    assertThat(acked).as("the writer acknowledged writes before it was killed").isNotEmpty();
  }

  /** Half new items (creates), half updates of existing items, four per item: all queued (S3 refuses). */
  private Map<String, List<String>> enqueue(int ops) {
    FaultInjector faults = new FaultInjector();
    Udm producer = open(FaultyPorts.wrap(shared(), faults), withoutWorkerOrSweeper(), Clock.systemUTC());
    Map<String, List<String>> byItem = new LinkedHashMap<>();
    int updatedItems = Math.max(1, ops / 8);
    for (int i = 0; i < updatedItems; i++) {
      producer.with(queued).create(Map.of("seq", -1), WriteOptions.builder().objectId("u" + i).build());
      byItem.put("u" + i, new ArrayList<>());
    }
    faults.down("blobs.put", true);
    for (int n = 0; n < ops; n++) {
      boolean create = n % 2 == 0;
      String objectId = create ? "c" + n : "u" + ((n / 2) % updatedItems);
      try {
        if (create) {
          producer.with(queued).create(Map.of("seq", n), WriteOptions.builder().objectId(objectId).build());
        } else {
          producer.with(queued).update(objectId, Map.of("seq", n));
        }
        throw new AssertionError("a write went through while S3 refused every upload");
      } catch (QueuedForRetryException expected) {
        byItem.computeIfAbsent(objectId, id -> new ArrayList<>()).add(expected.requestId());
      }
    }
    faults.up("blobs.put");
    assertThat(producer.fallback().orElseThrow().getQueueStats().queueSize()).isEqualTo(ops);
    return byItem;
  }

  /** The servers' ports for a Udm of this test: closing that Udm leaves them open for the checks. */
  private StoragePorts shared() {
    return new StoragePorts(ports.backends(), ports.counters(), ports.placements(), ports.retryQueue(),
        ports.countersProbe(), List.of());
  }

  private static List<String> javaCommand(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Starts the worker process {@code kills} times and kills each once it has committed something
   * (its JVM start takes seconds on a busy machine), after a further random while.
   */
  private int killRepeatedly(int kills, Random random, List<String> command, String name, FallbackApi queue)
      throws Exception {
    for (int k = 0; k < kills; k++) {
      long queuedBefore = queue.getQueueStats().queueSize();
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(dir.resolve(name + k + ".out").toFile())
          .redirectError(dir.resolve(name + k + ".err").toFile()).start();
      process.getOutputStream().close();
      awaitOrGiveUp(() -> queuedBefore == 0 || queue.getQueueStats().queueSize() < queuedBefore);
      Thread.sleep(random.nextInt(1500));
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    return kills;
  }

  /** Runs a writer process and kills it once it acknowledged a write, after a further random while. */
  private List<String> killWriter(String run, Random random) throws Exception {
    List<String> command = javaCommand(KillTestWriter.class, configFile.toString(),
        written.tenantId() + "/" + written.dbName() + "/" + written.collection(), run);
    Path out = dir.resolve("writer-" + run + ".out");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(dir.resolve("writer-" + run + ".err").toFile()).start();
    process.getOutputStream().close();
    awaitOrGiveUp(() -> !acknowledged(out).isEmpty());
    Thread.sleep(random.nextInt(1500));
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    return acknowledged(out);
  }

  private static List<String> acknowledged(Path out) {
    List<String> acked = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(out)) {
        String[] parts = line.split(" ");
        // A kill may cut the last line short.
        if (parts.length == 3 && parts[0].equals("ack")) {
          acked.add(parts[1] + " " + parts[2]);
        }
      }
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // Not written yet: nothing acknowledged.
    }
    return acked;
  }

  /** Waits up to a minute; a process that never gets going is killed anyway (the checks still hold). */
  private static void awaitOrGiveUp(java.util.function.BooleanSupplier started) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!started.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static Set<String> itemsOf(List<String> acked) {
    Set<String> items = new LinkedHashSet<>();
    acked.forEach(a -> items.add(a.split(" ")[1]));
    return items;
  }

  /** What went wrong, counted. */
  record Figures(long lost, long duplicated, long outOfOrder, long shadowless) {
    static final Figures NONE = new Figures(0, 0, 0, 0);
  }

  private Figures checkQueued(BackendPorts backend, Map<String, List<String>> byItem) {
    long lost = 0;
    long duplicated = 0;
    long outOfOrder = 0;
    long shadowless = 0;
    for (Map.Entry<String, List<String>> item : byItem.entrySet()) {
      ItemKey key = ItemKey.of(queued, item.getKey());
      List<VersionRecord> history = backend.versions().history(key);
      List<String> committedRequests = history.stream().flatMap(v -> v.requestId().stream()).toList();
      for (String requestId : item.getValue()) {
        long times = committedRequests.stream().filter(requestId::equals).count();
        lost += times == 0 ? 1 : 0;
        duplicated += Math.max(0, times - 1);
      }
      // Each queued op at most once (a request id is unique in a collection), and no version besides them
      // and the item's first (for the items created before the updates were queued).
      int expected = item.getValue().size() + (item.getKey().startsWith("u") ? 1 : 0);
      duplicated += Math.max(0, history.size() - expected);
      List<String> queuedOrder = committedRequests.stream().filter(item.getValue()::contains).toList();
      outOfOrder += queuedOrder.equals(item.getValue()) ? 0 : 1;
      shadowless += shadowMissing(backend, key) ? 1 : 0;
    }
    return new Figures(lost, duplicated, outOfOrder, shadowless);
  }

  private Figures checkWritten(BackendPorts backend, List<String> acked) {
    long lost = 0;
    long duplicated = 0;
    for (String ack : acked) {
      String[] parts = ack.split(" ");
      ItemKey key = ItemKey.of(written, parts[1]);
      long times = backend.versions().history(key).stream()
          .filter(v -> v.requestId().equals(java.util.Optional.of(parts[0]))).count();
      lost += times == 0 ? 1 : 0;
      duplicated += Math.max(0, times - 1);
    }
    long shadowless = itemsOf(acked).stream().filter(id -> shadowMissing(backend, ItemKey.of(written, id))).count();
    return new Figures(lost, duplicated, 0, shadowless);
  }

  /** The head's shadow must hold the head version's stored JSON. */
  private static boolean shadowMissing(BackendPorts backend, ItemKey key) {
    HeadRecord head = backend.heads().find(key).orElseThrow(() -> new AssertionError("no head for " + key));
    JsonNode stored = JsonValues.fromBytes(backend.blobs().get(BlobArea.JSON, head.payloadKey()).orElseThrow());
    boolean missing = head.shadow().isEmpty() || !head.shadow().get().document().equals(stored);
    if (missing) {
      VersionRecord latest = backend.versions().latest(key).orElseThrow();
      System.out.printf("[fallback-kill] %s: head ov %d %s, newest version ov %d (%s), its work %s%n", key, head.ov(),
          head.shadow().isEmpty() ? "without a shadow" : "with another version's shadow", latest.ov(), latest.op(),
          backend.outbox().pendingEffects(key, latest.ov(), latest.writeId()).map(e -> "still owed: " + e)
              .orElse("done"));
    }
    return missing;
  }

  /**
   * How far the counters are from a recount of the version log: operation totals against the
   * versions per op, {@code live} against the heads that are not deleted.
   */
  private long countersOffByRecount(BackendPorts backend, RouteContext ctx) {
    long creates = 0;
    long updates = 0;
    long live = 0;
    List<HeadRecord> heads = backend.heads().query(HeadQuery.all(ctx, 100_000));
    for (HeadRecord head : heads) {
      ItemKey key = head.key();
      for (VersionRecord v : backend.versions().history(key)) {
        creates += v.op() == io.udm.api.Op.CREATE ? 1 : 0;
        updates += v.op() == io.udm.api.Op.UPDATE ? 1 : 0;
      }
      live += head.deleted() ? 0 : 1;
    }
    Totals totals = ports.counters().totals(CounterQuery.of(ctx.tenantId(), ctx.dbName(), ctx.collection()));
    long off = Math.abs(totals.creates() - creates) + Math.abs(totals.updates() - updates)
        + Math.abs(totals.live() - live);
    if (off != 0) {
      System.out.printf("[fallback-kill] %s counters %s, recount creates=%d updates=%d live=%d%n", ctx, totals, creates,
          updates, live);
    }
    return off;
  }
}
