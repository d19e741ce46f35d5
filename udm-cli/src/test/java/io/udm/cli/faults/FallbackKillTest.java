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
import io.udm.app.Stress;
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
import java.io.IOException;
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
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes killed with SIGKILL at random points lose nothing and apply nothing twice: a retry
 * worker ({@code udm queue --work} in its own JVM) killed again and again while it drains the
 * queue, and a writer process killed between its writes. Afterwards every queued op and every
 * acknowledged write is committed exactly once, in order per item, the counters equal a recount
 * from the version log, every head carries its dev shadow, and the sweeper has finished the
 * after-commit work the killed processes left owed.
 *
 * <p>Every kill must count: the process is alive when it is killed and dies of the kill (exit
 * status 137), a worker has finished queued ops before it with ops still queued after it, a writer
 * has acknowledged writes, and neither printed anything unexpected. A process that does not get
 * going within {@link #GETS_GOING} fails the test. The first writer holds all its counter changes,
 * so its kill surely leaves after-commit work owed, which the sweeper must then claim.
 *
 * <p>CI runs 5 worker kills over 300 queued ops; the stress profile ({@code mvn -B verify -Pstress})
 * 20 over 800, and {@code -Dudm.kill.kills=N -Dudm.kill.ops=M} set other counts.
 */
class FallbackKillTest {
  private static final int KILLS = Integer.getInteger("udm.kill.kills", Stress.on() ? 20 : 5);
  private static final int OPS = Integer.getInteger("udm.kill.ops", Stress.on() ? 800 : 300);
  /** Past every lease (30 s) and after-commit claim (60 s) a killed process held. */
  private static final Duration LATER = Duration.ofMinutes(3);
  /**
   * How long a process may take to start and do its first work before the test fails: a JVM start
   * and opening the stores take seconds on a busy machine.
   */
  private static final Duration GETS_GOING = Duration.ofSeconds(90);
  /** What {@code destroyForcibly} (SIGKILL) leaves as the exit status of a process. */
  private static final int KILLED = 128 + 9;
  /**
   * Each worker is killed after finishing a random number of ops up to this many: half its fair
   * share, so the queue lasts through every kill even though each kill also strands the ops the
   * worker had leased (until their lease runs out) and their items' later ops wait behind those.
   */
  private static final int WORKER_SHARE = Math.max(1, OPS / (2 * KILLS));
  /**
   * Writes a writer makes at most, then waits to be killed: fewer than the after-commit work a
   * process holds before it sends it unasked (1,000), so the holding writer holds all of its work.
   */
  private static final int WRITER_MAX_WRITES = 500;
  /** Long past any writer's life: the holding writer's kill loses all the work it held. */
  private static final long HOLD_EVERYTHING_MS = 600_000;

  /**
   * What a worker may print on stderr: its start line, its progress and its periodic note of the
   * queue (with no dead letter). A warning or a stack trace is not on the list.
   */
  private static final List<Pattern> WORKER_STDERR = List.of(
      Pattern.compile("retry worker running; press Ctrl-C to stop"),
      Pattern.compile("queue: \\d+/\\d+ ops \\(\\d+/s\\)"),
      Pattern.compile("pending \\d+, in flight \\d+, dead letters 0"));
  /** A writer prints nothing on stderr. */
  private static final List<Pattern> WRITER_STDERR = List.of();
  /** A worker prints its figures on stdout only when it stops, and it never stops by itself. */
  private static final List<Pattern> WORKER_STDOUT = List.of();
  /** A writer prints only its acknowledgements on stdout. */
  private static final List<Pattern> WRITER_STDOUT = List.of(Pattern.compile("ack \\S+ \\S+"));
  /**
   * The command line's logging settings, for every process: warnings and errors on stderr, where
   * they are checked, and no logging backend chatter on stdout.
   */
  private static final String CLI_LOGGING = "io/udm/cli/udm-cli-logback.xml";

  private final RouteContext queued = RouteContext.of("acme", "crm", "queued");
  private final RouteContext written = RouteContext.of("acme", "crm", "written");

  @TempDir
  Path dir;

  private EmbeddedServers servers;
  /** The workers': counter changes held for a while. */
  private Path configFile;
  /** The writers': no retry worker (the queue is the workers'), counter changes held as the workers'. */
  private Path writerConfigFile;
  /** The first writer's: no retry worker, counter changes held long past its life. */
  private Path holdingWriterConfigFile;
  private UdmConfig config;
  private StoragePorts ports;
  private final List<Udm> opened = new ArrayList<>();
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void servers() throws Exception {
    servers = EmbeddedServers.transientPairs(1);
    configFile = dir.resolve("udm.json");
    // Counter changes held for a while: a kill loses what the process held, never what it owes.
    Files.writeString(configFile, configJson(true, 300));
    writerConfigFile = dir.resolve("udm-writer.json");
    Files.writeString(writerConfigFile, configJson(false, 300));
    holdingWriterConfigFile = dir.resolve("udm-holding-writer.json");
    Files.writeString(holdingWriterConfigFile, configJson(false, HOLD_EVERYTHING_MS));
    config = UdmConfig.load(configFile);
    ports = ProductionStorage.open(config, true, Duration.ofSeconds(10));
  }

  /** Payloads go to object storage, whose outage queues the writes (a small write kept inline would not need it). */
  private String configJson(boolean retryWorker, long debounceCountersMs) {
    var c = servers.spacesConn(0, "kill");
    return "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\"], \"spacesConns\": [{\"endpoint\": \""
        + c.endpoint() + "\", \"region\": \"" + c.region() + "\", \"accessKey\": \"" + c.accessKey()
        + "\", \"secretKey\": \"" + c.secretKey() + "\", \"backupsBucket\": \"" + c.backupsBucket()
        + "\", \"jsonBucket\": \"" + c.jsonBucket() + "\", \"contentBucket\": \"" + c.contentBucket()
        + "\", \"forcePathStyle\": true}],"
        + " \"fallback\": {\"enabled\": true, \"workerEnabled\": " + retryWorker + ", \"baseDelayMs\": 20,"
        + " \"maxDelayMs\": 500,"
        + " \"maxAttempts\": 1000000},"
        + " \"devShadow\": {\"enabled\": true, \"ttlHours\": 24, \"maxBytesPerDoc\": 100000},"
        + " \"storage\": {\"inlineMaxBytes\": 0},"
        + " \"writeOptimization\": {\"debounceCountersMs\": " + debounceCountersMs + "}}";
  }

  @AfterEach
  void close() {
    // A failed check may leave a process running.
    started.forEach(Process::destroyForcibly);
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
    long startedAt = System.nanoTime();
    BackendPorts backend = ports.backends().get(0);

    Map<String, List<String>> queuedByItem = enqueue(OPS);
    FallbackApi queueView = open(shared(), withoutWorkerOrSweeper(), Clock.systemUTC()).fallback().orElseThrow();
    List<WorkerKill> workerKills = killWorkers(random, queueView);
    List<String> acked = new ArrayList<>();
    List<WriterKill> writerKills = new ArrayList<>();
    long owedByHoldingWriter = 0;
    for (int run = 0; run < Math.max(1, KILLS / 5); run++) {
      // The first writer holds all its after-commit work, so its kill surely leaves work owed; the
      // others send theirs every 300 ms, so their kills land before, during or after a send.
      WriterKill writer = killWriter("w" + run, run == 0 ? holdingWriterConfigFile : writerConfigFile, random);
      if (run == 0) {
        owedByHoldingWriter = owedVersions(backend, written);
        assertThat(owedByHoldingWriter)
            .as("versions of the holding writer that owe their after-commit work after its kill: every write"
                + " it committed (%d acknowledged, perhaps one more committed unacknowledged)", writer.acked().size())
            .isBetween((long) writer.acked().size(), writer.acked().size() + 1L);
      }
      writerKills.add(writer);
      acked.addAll(writer.acked());
    }
    // Nothing runs now: what is owed stays owed until the survivor sweeps.
    long owedAfterKills = owedVersions(backend, queued) + owedVersions(backend, written);

    // Later (past every claim and lease the killed processes held), one process drains and sweeps.
    Clock later = Clock.offset(Clock.systemUTC(), LATER);
    TestUdms.Opened survivor = TestUdms.openWithSweeper(withoutWorkerOrSweeper(), shared(), later,
        new UuidV7IdGeneratorAdapter());
    opened.add(survivor.udm());
    FallbackApi fallback = survivor.udm().fallback().orElseThrow();
    long queuedForSurvivor = fallback.getQueueStats().queueSize();
    fallback.startWorker();
    // Bounded well within the test's timeout; ops still queued then fail the test below.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).plusMillis(100L * OPS).toNanos();
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

    Figures queuedFigures = checkQueued(backend, queuedByItem);
    Figures writtenFigures = checkWritten(backend, acked);
    // Every item of the collection: a writer killed between a commit and its ack leaves a committed write
    // nobody acknowledged, which the counters rightly count.
    long countersOff = countersOffByRecount(backend, queued) + countersOffByRecount(backend, written);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
    System.out.printf("[fallback-kill] seed=%d worker kills=%d (alive, exit %d, after work) queued ops=%d"
            + " finished by each worker=%s queued at each worker's start=%s ms from start to first work=%s"
            + " left to the survivor=%d lost=%d duplicated=%d out of order=%d dead-lettered=%d | writer kills=%d"
            + " acknowledged writes=%s lost=%d duplicated=%d | counters off by recount=%d | heads without their"
            + " shadow=%d | versions owed after the kills=%d (the holding writer's: %d), claimed by the survivor's"
            + " sweep=%d (a second sweep later: %d) | %d ms%n",
        seed, workerKills.size(), KILLED, OPS, workerKills.stream().map(WorkerKill::finished).toList(),
        workerKills.stream().map(WorkerKill::queuedAtStart).toList(),
        workerKills.stream().map(WorkerKill::msToFirstWork).toList(), queuedForSurvivor, queuedFigures.lost,
        queuedFigures.duplicated, queuedFigures.outOfOrder, deadLettered, writerKills.size(),
        writerKills.stream().map(w -> w.acked().size()).toList(), writtenFigures.lost, writtenFigures.duplicated,
        countersOff, queuedFigures.shadowless + writtenFigures.shadowless, owedAfterKills, owedByHoldingWriter,
        swept, resweep, elapsedMs);
    boolean exact = stillQueued == 0 && deadLettered == 0 && queuedFigures.equals(Figures.NONE)
        && writtenFigures.equals(Figures.NONE) && countersOff == 0 && swept == owedAfterKills && swept > 0;
    Stress.summary("FallbackKillTest (" + OPS + " queued ops)", workerKills.size() + writerKills.size(),
        "one stream from " + seed, exact ? 0 : 1);

    assertThat(stillQueued).as("ops still queued").isZero();
    assertThat(deadLettered).isZero();
    assertThat(queuedFigures).isEqualTo(Figures.NONE);
    assertThat(writtenFigures).isEqualTo(Figures.NONE);
    assertThat(countersOff).isZero();
    // The survivor sweeps past every claim a killed process held, and before the claims on the
    // survivor's own commits run out: it claims exactly the work the kills left owed.
    assertThat(swept).as("versions the survivor's sweep claimed: all those the killed processes left owed")
        .isEqualTo(owedAfterKills);
    assertThat(swept).as("versions the survivor's sweep claimed").isPositive();
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
    return new StoragePorts(ports.backends(), ports.counters(), ports.placements(), ports.indexStates(), ports.holds(), ports.retryQueue(),
        ports.countersProbe(), List.of());
  }

  private static List<String> javaCommand(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A quick start with little CPU (the machine may have two cores, shared with the servers here).
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Dlogback.configurationFile=" + CLI_LOGGING);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }

  private Process start(List<String> command, Path out, Path err) throws IOException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    started.add(process);
    process.getOutputStream().close();
    return process;
  }

  /** One worker process's life: the queue when it started and when it was killed, and its pace. */
  record WorkerKill(long queuedAtStart, long queuedAtKill, long msToFirstWork) {
    long finished() {
      return queuedAtStart - queuedAtKill;
    }
  }

  /**
   * Starts a worker process {@link #KILLS} times and kills each once it has finished a random
   * number of queued ops (at most {@link #WORKER_SHARE}), after a further random few milliseconds
   * so the kill lands anywhere in an op. Each kill must count: see the class comment.
   */
  private List<WorkerKill> killWorkers(Random random, FallbackApi queue) throws Exception {
    List<String> command = javaCommand(UdmCli.class, "--config", configFile.toString(), "queue", "--work");
    List<WorkerKill> kills = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      String name = "worker " + k;
      Path out = dir.resolve("worker" + k + ".out");
      Path err = dir.resolve("worker" + k + ".err");
      long queuedAtStart = queue.getQueueStats().queueSize();
      assertThat(queuedAtStart).as("ops queued when %s starts", name).isPositive();
      long killAt = queuedAtStart - 1 - random.nextInt(WORKER_SHARE);
      long startNanos = System.nanoTime();
      Process process = start(command, out, err);
      // Polled slowly while the JVM starts, then closely, so the kill follows the target closely.
      await(process, name, err, startNanos, "finished a queued op", 100,
          () -> queue.getQueueStats().queueSize() < queuedAtStart);
      long msToFirstWork = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      await(process, name, err, startNanos, "finished " + (queuedAtStart - killAt) + " queued ops", 10,
          () -> queue.getQueueStats().queueSize() <= killAt);
      Thread.sleep(random.nextInt(20));
      kill(process, name, err);
      long queuedAtKill = queue.getQueueStats().queueSize();
      assertThat(queuedAtKill).as("ops still queued after the kill of %s: it was killed mid-drain", name)
          .isPositive();
      assertOutput(err, WORKER_STDERR, name, "stderr");
      assertOutput(out, WORKER_STDOUT, name, "stdout");
      kills.add(new WorkerKill(queuedAtStart, queuedAtKill, msToFirstWork));
    }
    return kills;
  }

  /** One writer process's life: the writes it acknowledged ({@code REQUEST_ID OBJECT_ID}). */
  record WriterKill(List<String> acked) {}

  /** Runs a writer process and kills it once it acknowledged a write, after a further random while. */
  private WriterKill killWriter(String run, Path processConfig, Random random) throws Exception {
    List<String> command = javaCommand(KillTestWriter.class, processConfig.toString(),
        written.tenantId() + "/" + written.dbName() + "/" + written.collection(), run,
        String.valueOf(WRITER_MAX_WRITES));
    String name = "writer " + run;
    Path out = dir.resolve("writer-" + run + ".out");
    Path err = dir.resolve("writer-" + run + ".err");
    long startNanos = System.nanoTime();
    Process process = start(command, out, err);
    await(process, name, err, startNanos, "acknowledged a write", 50, () -> !acknowledged(out).isEmpty());
    Thread.sleep(random.nextInt(1500));
    kill(process, name, err);
    assertOutput(err, WRITER_STDERR, name, "stderr");
    assertOutput(out, WRITER_STDOUT, name, "stdout");
    return new WriterKill(acknowledged(out));
  }

  /**
   * Polls until {@code done}; fails if the process exits first, or if {@link #GETS_GOING} passes
   * from its start without it.
   */
  private static void await(Process process, String name, Path err, long startNanos, String what, long pollMs,
      BooleanSupplier done) throws InterruptedException {
    long deadline = startNanos + GETS_GOING.toNanos();
    while (!done.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited by itself (status " + process.exitValue() + ") before it "
            + what + "; its stderr:\n" + read(err));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " had not " + what + " " + GETS_GOING.toSeconds()
            + " s after its start; its stderr:\n" + read(err));
      }
      Thread.sleep(pollMs);
    }
  }

  /** Kills the process, which must be alive until then and die of the kill. */
  private static void kill(Process process, String name, Path err) throws InterruptedException {
    assertThat(process.isAlive()).as(() -> name + " alive when it is killed; its stderr:\n" + read(err)).isTrue();
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s gone within 30 s of its kill", name).isTrue();
    assertThat(process.exitValue()).as("%s's exit status: it died of the kill (SIGKILL)", name).isEqualTo(KILLED);
  }

  /**
   * Every line of the output is an expected one; the last may be cut short by the kill, so an
   * unfinished last line need only start like an expected one.
   */
  private static void assertOutput(Path file, List<Pattern> expected, String name, String stream) {
    String text = read(file);
    List<String> lines = List.of(text.split("\n", -1));
    List<String> unexpected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean unfinished = i == lines.size() - 1;
      if (unfinished && line.isEmpty()) {
        continue;
      }
      boolean fits = expected.stream().anyMatch(p -> {
        Matcher m = p.matcher(line);
        return m.matches() || (unfinished && m.hitEnd());
      });
      if (!fits) {
        unexpected.add(line);
      }
    }
    assertThat(unexpected).as("unexpected lines on %s's %s, which reads:%n%s", name, stream, text).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static List<String> acknowledged(Path out) {
    List<String> acked = new ArrayList<>();
    String text;
    try {
      text = Files.readString(out);
    } catch (IOException e) {
      // Not written yet: nothing acknowledged.
      return acked;
    }
    // A kill may cut the last line short: only whole lines count.
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].equals("ack")) {
        acked.add(parts[1] + " " + parts[2]);
      }
    }
    return acked;
  }

  /** Versions of the collection whose after-commit work is still owed. */
  private static long owedVersions(BackendPorts backend, RouteContext ctx) {
    long owed = 0;
    long afterCv = 0;
    while (true) {
      List<VersionRecord> page = backend.versions().listByCv(ctx, afterCv, 500);
      for (VersionRecord v : page) {
        owed += backend.outbox().pendingEffects(v.key(), v.ov(), v.writeId()).isPresent() ? 1 : 0;
        afterCv = v.cv();
      }
      if (page.size() < 500) {
        return owed;
      }
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
