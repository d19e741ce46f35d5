package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.CollectionMove;
import io.udm.api.CounterQuery;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.RebalanceOptions;
import io.udm.api.RebalancePlan;
import io.udm.api.RebalanceResult;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import io.udm.api.config.RebalanceConfig;
import io.udm.api.config.RoutingConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.error.RouteMismatchException;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.app.faults.FaultInjector;
import io.udm.app.faults.FaultyPorts;
import io.udm.app.faults.SimulatedCrash;
import io.udm.domain.keys.StorageKeys;
import io.udm.domain.routing.RendezvousRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadQuery;
import io.udm.spi.MovePhase;
import io.udm.spi.Placement;
import io.udm.spi.PlacementMove;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Online rebalance through the public API, on three backend pairs: adding a pair breaks nothing and
 * moves exactly the collections the newcomer owns; reads and writes (from this and another
 * instance with its own placement cache) keep working through a move and never land on the source
 * after the switch; a crash at any step resumes to the same end state; a drained pair empties.
 * Each test keeps to a tenant of its own, and rebalances only that tenant.
 */
public abstract class RebalanceSuite {
  private final TestStores stores;
  /** How many of a move's calls a crash is tried at ({@code -Dudm.rebalance.crashPoints=N} overrides). */
  private final int crashPoints;
  private final MutableClock clock;
  private final StoragePorts ports;
  private final String tenant = TestStores.tenant("move");
  private final List<Udm> opened = new ArrayList<>();

  protected RebalanceSuite(TestStores stores, int crashPoints) {
    this.stores = stores;
    this.crashPoints = Integer.getInteger("udm.rebalance.crashPoints", Stress.on() ? crashPoints * 8 : crashPoints);
    this.clock = stores.clock("2026-03-01T00:00:00Z");
    this.ports = stores.ports(clock);
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
  }

  private static final UdmConfig NO_GRACE = UdmConfig.builder()
      .rebalance(RebalanceConfig.builder().cleanupGraceSeconds(0).build()).build();
  /**
   * Writers that send their counter changes with each write: a move then finds the same work owed
   * on the records whatever the timing, and makes the same calls as a traced one.
   */
  private static final UdmConfig SENT_AT_ONCE = UdmConfig.builder().from(NO_GRACE)
      .writeOptimization(io.udm.api.config.WriteOptimizationConfig.builder().debounceCountersMs(0).build()).build();

  private Udm open(UdmConfig config, StoragePorts on) {
    Udm udm = TestUdms.open(config, on, clock, MemoryPorts.sequentialIds());
    opened.add(udm);
    return udm;
  }

  /** The first {@code n} pairs of the stores, as a process configured with only those would see them. */
  private StoragePorts firstPairs(StoragePorts all, int n) {
    return new StoragePorts(all.backends().subList(0, n), all.counters(), all.placements(), all.indexStates(), all.holds(), all.retryQueue(),
        all.countersProbe(), List.of());
  }

  private static UdmConfig draining(UdmConfig base, String backendId) {
    return UdmConfig.builder().from(base).routing(RoutingConfig.builder().addDrain(backendId).build()).build();
  }

  private RebalanceOptions mine() {
    return RebalanceOptions.builder().confirm(true).tenantId(tenant).build();
  }

  private List<CollectionMove> myMoves(Udm udm) {
    return udm.maintenance().planRebalance().moves().stream()
        .filter(m -> m.collection().tenantId().equals(tenant)).toList();
  }

  private static String ownerAmong(List<String> ids, RouteContext ctx) {
    return ids.get(new RendezvousRouter(ids, RoutingConfig.builder().build()).choose(ctx));
  }

  private static List<String> ids(List<BackendPorts> backends) {
    return backends.stream().map(BackendPorts::backendId).toList();
  }

  private BackendPorts backend(String id) {
    return ports.backends().stream().filter(b -> b.backendId().equals(id)).findFirst().orElseThrow();
  }

  /** Five items, three versions each. */
  private static List<String> fill(ItemOps ops) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = "item-" + i;
      ops.create(Map.of("n", i, "v", 1), WriteOptions.builder().objectId(id).build());
      ops.update(id, Map.of("n", i, "v", 2));
      ops.update(id, Map.of("n", i, "v", 3, "pad", "x".repeat(i * 100)));
      ids.add(id);
    }
    return ids;
  }

  /** Everything a reader can ask of a collection's items: latest, history, every version, as of each version. */
  private static Map<String, Object> answers(ItemOps ops, List<String> ids) {
    Map<String, Object> answers = new TreeMap<>();
    for (String id : ids) {
      answers.put(id + " latest", ops.getLatest(id));
      List<VersionInfo> history = ops.history(id);
      answers.put(id + " history", history);
      for (VersionInfo v : history) {
        answers.put(id + " v" + v.ov(), ops.getVersion(id, v.ov()));
        answers.put(id + " asOf v" + v.ov(), ops.getAsOf(id, v.at()));
      }
    }
    return answers;
  }

  /** Nothing of the collection is left on {@code pair}: no head, no version record, no object. */
  private static void assertHoldsNothing(BackendPorts pair, RouteContext ctx) {
    assertThat(pair.heads().query(HeadQuery.all(ctx, 10))).as("heads of %s on %s", ctx, pair.backendId()).isEmpty();
    assertThat(pair.versions().listByCv(ctx, 0, 10)).as("versions of %s on %s", ctx, pair.backendId()).isEmpty();
    for (BlobArea area : BlobArea.values()) {
      assertThat(pair.blobs().list(area, StorageKeys.collectionPrefix(ctx), Optional.empty(), 10))
          .as("%s objects of %s on %s", area, ctx, pair.backendId()).isEmpty();
    }
  }

  @Test
  void addingAPairBreaksNothingAndRebalanceMovesExactlyTheCollectionsItOwns() {
    int collections = Integer.getInteger("udm.rebalance.collections", 60);
    Udm before = open(NO_GRACE, firstPairs(ports, 2));
    Map<RouteContext, List<String>> items = new LinkedHashMap<>();
    for (int c = 0; c < collections; c++) {
      RouteContext ctx = RouteContext.of(tenant, "db", "c" + c);
      items.put(ctx, fill(before.with(ctx)));
    }
    Map<RouteContext, Map<String, Object>> answersBefore = new HashMap<>();
    Map<RouteContext, Object> countersBefore = new HashMap<>();
    Map<RouteContext, String> placedOn = new HashMap<>();
    items.forEach((ctx, ids) -> {
      answersBefore.put(ctx, answers(before.with(ctx), ids));
      countersBefore.put(ctx, before.counters().getTotals(CounterQuery.of(tenant, "db", ctx.collection())));
      placedOn.put(ctx, before.route(ctx).backendId());
    });
    before.close();

    Udm after = open(NO_GRACE, ports);
    items.forEach((ctx, ids) -> assertThat(answers(after.with(ctx), ids)).as("%s readable on 3 pairs", ctx)
        .isEqualTo(answersBefore.get(ctx)));
    List<String> threePairs = ids(ports.backends());
    String newcomer = threePairs.get(2);
    Set<RouteContext> newcomerOwns = items.keySet().stream()
        .filter(ctx -> ownerAmong(threePairs, ctx).equals(newcomer)).collect(Collectors.toSet());
    List<CollectionMove> plan = myMoves(after);
    assertThat(plan).allSatisfy(m -> {
      assertThat(m.toBackendId()).isEqualTo(newcomer);
      assertThat(m.fromBackendId()).isEqualTo(placedOn.get(m.collection()));
    });
    assertThat(plan.stream().map(CollectionMove::collection).collect(Collectors.toSet())).isEqualTo(newcomerOwns);
    // The share itself is exactly the newcomer's rendezvous share (asserted above): about a third,
    // binomially spread, since tenants and (on servers) backend ids differ per run.
    assertThat(newcomerOwns.size()).as("some but not all of %d", collections).isBetween(1, collections - 1);

    RebalanceResult result = after.maintenance().rebalance(mine());

    System.out.printf("[rebalance] %d collections on 2 pairs, a third pair added: %d moved, %d versions and %d"
        + " objects copied, %d failed%n", collections, result.collectionsMoved(), result.versionsCopied(),
        result.objectsCopied(), result.collectionsFailed());
    assertThat(result.collectionsMoved()).isEqualTo(plan.size());
    assertThat(result.collectionsFailed()).isZero();
    assertThat(result.versionsCopied()).isEqualTo(plan.size() * 15L);
    assertThat(myMoves(after)).as("nothing left to move").isEmpty();
    Udm fresh = open(NO_GRACE, stores.otherClients(ports, clock));
    items.forEach((ctx, ids) -> {
      assertThat(fresh.route(ctx).backendId()).isEqualTo(ownerAmong(threePairs, ctx));
      assertThat(answers(fresh.with(ctx), ids)).as("%s answers as before", ctx).isEqualTo(answersBefore.get(ctx));
      assertThat(fresh.maintenance().verify(ctx).problems()).as("verify %s", ctx).isEmpty();
      assertThat(fresh.counters().getTotals(CounterQuery.of(tenant, "db", ctx.collection())))
          .isEqualTo(countersBefore.get(ctx));
      if (newcomerOwns.contains(ctx)) {
        assertHoldsNothing(backend(placedOn.get(ctx)), ctx);
        assertThat(ports.placements().placement(ctx).orElseThrow().move()).as("cleaned up").isEmpty();
      }
    });
  }

  @Test
  void writesThroughAMoveFromAnotherInstanceAreAllThereOnceAndNeverOnTheSourceAfterTheSwitch() throws Exception {
    RouteContext ctx = RouteContext.of(tenant, "db", "busy");
    Udm writer = open(UdmConfig.builder().build(), stores.otherClients(ports, clock));
    List<String> ids = fill(writer.with(ctx));
    String source = writer.route(ctx).backendId();
    Udm mover = open(draining(UdmConfig.builder().build(), source), ports);

    AtomicBoolean stop = new AtomicBoolean();
    Queue<String> acked = new ConcurrentLinkedQueue<>();
    List<Throwable> wrong = new CopyOnWriteArrayList<>();
    Map<String, Integer> refusedRetryably = new ConcurrentHashMap<>();
    Thread writing = new Thread(() -> {
      for (int n = 0; !stop.get(); n++) {
        String requestId = "w-" + n;
        try {
          writer.with(ctx).update(ids.get(n % ids.size()), Map.of("n", n), WriteOptions.builder().requestId(requestId).build());
          acked.add(requestId);
        } catch (StorageException | QueuedForRetryException retryable) {
          refusedRetryably.merge(retryable.getClass().getSimpleName(), 1, Integer::sum);
        } catch (RuntimeException | Error e) {
          wrong.add(e);
        }
      }
    }, "writer-during-move");
    writing.start();
    awaitOrFail(() -> acked.size() >= 20 || !wrong.isEmpty(), "20 writes acknowledged before the move");
    RebalanceResult result = mover.maintenance().rebalance(mine());
    int ackedAtSwitch = acked.size();
    awaitOrFail(() -> acked.size() >= ackedAtSwitch + 20 || !wrong.isEmpty(), "20 writes acknowledged after it");
    stop.set(true);
    writing.join(PATIENCE_MILLIS);
    assertThat(writing.isAlive()).as("the writer stopped").isFalse();

    System.out.printf("[rebalance] writer in another instance through the move: %d writes acknowledged, %d after"
        + " the switch, refused retryably %s%n", acked.size(), acked.size() - ackedAtSwitch, refusedRetryably);
    assertThat(wrong).as("no write may fail other than retryably").isEmpty();
    assertThat(result.collectionsMoved()).isEqualTo(1);
    String target = mover.route(ctx).backendId();
    assertThat(target).isNotEqualTo(source);
    BackendPorts onTarget = backend(target);
    // One listing of the target, not a query per write: the in-JVM MongoDB scans for each, and a
    // fast writer acknowledges tens of thousands of writes while the move runs.
    List<VersionRecord> targetVersions = onTarget.versions().listByCv(ctx, 0, 1_000_000);
    Map<String, Integer> versionsPerRequest = new HashMap<>();
    targetVersions.forEach(v -> v.requestId().ifPresent(id -> versionsPerRequest.merge(id, 1, Integer::sum)));
    for (String requestId : acked) {
      assertThat(versionsPerRequest.get(requestId)).as("versions of acknowledged write %s on the target", requestId)
          .isEqualTo(1);
    }
    // The source keeps its copy for the grace period: nothing in it may be missing on the target.
    BackendPorts onSource = backend(source);
    Set<String> targetWrites = new HashSet<>();
    targetVersions.forEach(v -> targetWrites.add(v.writeId()));
    List<VersionRecord> sourceVersions = onSource.versions().listByCv(ctx, 0, 100_000);
    assertThat(sourceVersions).isNotEmpty()
        .allSatisfy(v -> assertThat(targetWrites).as("source version %s ov %d on the target", v.key(), v.ov())
            .contains(v.writeId()));
    assertThat(targetWrites.size()).as("writes after the switch went to the target only")
        .isGreaterThan(sourceVersions.size());
    Placement placement = ports.placements().placement(ctx).orElseThrow();
    assertThat(placement.move()).hasValueSatisfying(m -> assertThat(m.phase()).isEqualTo(MovePhase.CLEANUP));
  }

  @Test
  void aWriterWithAStalePlacementIsRefusedByTheFenceAndLandsOnTheTarget() {
    RouteContext ctx = RouteContext.of(tenant, "db", "stale");
    Udm stale = open(UdmConfig.builder().build(), stores.otherClients(ports, clock));
    List<String> ids = fill(stale.with(ctx));
    String source = stale.route(ctx).backendId();
    Udm mover = open(draining(UdmConfig.builder().build(), source), ports);

    mover.maintenance().rebalance(mine());
    // Within its cache's lifetime the stale instance still reads the frozen former copy, and its
    // write is refused there by the fence, re-routed and committed on the target.
    var written = stale.with(ctx).update(ids.get(0), Map.of("after", "switch"),
        WriteOptions.builder().requestId("after-switch").build());

    String target = mover.route(ctx).backendId();
    assertThat(backend(target).versions().findByRequestId(ctx, "after-switch")).isPresent();
    assertThat(backend(source).versions().findByRequestId(ctx, "after-switch")).isEmpty();
    assertThat(written.ov()).isEqualTo(4);
    assertThat(mover.with(ctx).getLatest(ids.get(0)).orElseThrow().data().path("after").asText()).isEqualTo("switch");
  }

  /**
   * A writer in another process has its append (or its head move) to the source held (in a socket,
   * a driver retry, a paused JVM) while the collection moves, and the call reaches the source only
   * after the switch. The write either fails with a typed, retryable error or is on the target,
   * once; the source holds nothing the target lacks.
   */
  @ParameterizedTest
  @EnumSource(HeldCalls.StoreCall.class)
  void aCallHeldPastAMoveNeverLeavesAWriteOnTheSourceAlone(HeldCalls.StoreCall heldCall) throws Exception {
    RouteContext ctx = RouteContext.of(tenant, "db", "held-" + heldCall.name().toLowerCase(java.util.Locale.ROOT));
    HeldCalls slow = stores.heldCalls(ports, clock);
    Udm writer = open(UdmConfig.builder().build(), slow.ports());
    List<String> ids = fill(writer.with(ctx));
    String source = writer.route(ctx).backendId();
    // The default grace: the source keeps its former copy for the checks below.
    Udm mover = open(draining(UdmConfig.builder().build(), source), ports);
    slow.holdNext(heldCall);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.concurrent.Future<io.udm.api.UpdateResult> held = pool.submit(() -> writer.with(ctx)
        .update(ids.get(0), Map.of("late", true), WriteOptions.builder().requestId("held").build()));
    slow.awaitHeld();

    RebalanceResult result = mover.maintenance().rebalance(mine());
    Thread.sleep(slow.pastClientTimeouts().toMillis());
    slow.release();
    Optional<io.udm.api.UpdateResult> written = outcome(held);
    pool.shutdown();

    assertThat(result.collectionsMoved()).isEqualTo(1);
    String target = mover.route(ctx).backendId();
    List<VersionRecord> onTarget = backend(target).versions().listByCv(ctx, 0, 1000);
    List<VersionRecord> onSource = backend(source).versions().listByCv(ctx, 0, 1000);
    System.out.printf("[rebalance] %s held through a move: %s; %d versions on the target, %d on the source%n",
        heldCall, written.map(w -> "acknowledged as ov " + w.ov()).orElse("refused retryably"), onTarget.size(),
        onSource.size());
    Set<String> targetWrites = onTarget.stream().map(VersionRecord::writeId).collect(Collectors.toSet());
    assertThat(onSource).allSatisfy(v -> assertThat(targetWrites)
        .as("source version %s ov %d is on the target", v.key(), v.ov()).contains(v.writeId()));
    if (written.isPresent()) {
      assertThat(onTarget.stream().filter(v -> v.requestId().equals(Optional.of("held"))))
          .as("the acknowledged write on the target").singleElement()
          .satisfies(v -> assertThat(v.ov()).isEqualTo(written.get().ov()));
      Udm fresh = open(UdmConfig.builder().build(), stores.otherClients(ports, clock));
      assertThat(fresh.with(ctx).getLatest(ids.get(0)).orElseThrow().data().path("late").asBoolean()).isTrue();
    }
  }

  /**
   * Retention pruned an update's version (its request id lives on in a memo), then the collection
   * moved: replaying that update is answered from the memo on the target, not written again.
   */
  @Test
  void aReplayOfAPrunedRequestAfterAMoveIsNotAppliedAgain() {
    RouteContext ctx = RouteContext.of(tenant, "db", "memos");
    UdmConfig keepOne = UdmConfig.builder().from(NO_GRACE).retention(io.udm.api.config.RetentionConfig.builder()
        .ver(io.udm.api.config.VersionRetention.builder().maxPerItem(1).build()).build()).build();
    Udm writer = open(keepOne, ports);
    ItemOps ops = writer.with(ctx);
    String id = ops.create(Map.of("status", "active")).id();
    var closed = ops.update(id, Map.of("status", "closed"), WriteOptions.builder().requestId("close-it").build());
    ops.update(id, Map.of("status", "reopened"));
    assertThat(writer.maintenance().applyRetention(ctx).versionsPruned()).isEqualTo(2);
    Udm mover = open(draining(keepOne, writer.route(ctx).backendId()), ports);
    assertThat(mover.maintenance().rebalance(mine()).collectionsMoved()).isEqualTo(1);

    Udm fresh = open(keepOne, stores.otherClients(ports, clock));
    var replayed = fresh.with(ctx).update(id, Map.of("status", "closed"), WriteOptions.builder().requestId("close-it").build());

    assertThat(replayed.ov()).as("the first result").isEqualTo(closed.ov());
    assertThat(fresh.with(ctx).getLatest(id).orElseThrow().data().path("status").asText()).isEqualTo("reopened");
    assertThat(fresh.with(ctx).history(id)).hasSize(1);
  }

  /** A collection's hard-delete mark moves with it: copied heads may include one a hard delete left pointing at nothing. */
  @Test
  void aCollectionsHardDeleteMarkMovesWithIt() {
    RouteContext marked = RouteContext.of(tenant, "db", "had-hard-deletes");
    RouteContext plain = RouteContext.of(tenant, "db", "never-hard-deleted");
    UdmConfig hardDeletes = UdmConfig.builder().from(NO_GRACE).hardDeleteEnabled(true).build();
    Udm writer = open(hardDeletes, ports);
    String gone = writer.with(marked).create(Map.of("x", 1)).id();
    writer.with(marked).create(Map.of("x", 2));
    writer.maintenance().hardDelete(marked, gone, HardDeleteOptions.confirmed());
    writer.with(plain).create(Map.of("x", 3));
    Map<RouteContext, String> from = Map.of(marked, writer.route(marked).backendId(), plain,
        writer.route(plain).backendId());

    for (RouteContext ctx : List.of(marked, plain)) {
      Udm mover = open(draining(hardDeletes, from.get(ctx)), ports);
      mover.maintenance().rebalance(mine());
      BackendPorts now = ports.backends().stream()
          .filter(b -> b.backendId().equals(ports.placements().placement(ctx).orElseThrow().backendId()))
          .findFirst().orElseThrow();
      assertThat(now.backendId()).as("%s moved", ctx).isNotEqualTo(from.get(ctx));
      assertThat(now.sequences().hardDeleteMarked(ctx)).as("%s marked on its new pair", ctx)
          .isEqualTo(ctx.equals(marked));
    }
  }

  /** How long a test waits for anything before it fails. */
  private static final long PATIENCE_MILLIS = 60_000;

  /** Waits for {@code condition}; a minute without it fails the test, naming what was awaited. */
  private static void awaitOrFail(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited a minute for " + what);
      }
      Thread.sleep(5);
    }
  }

  /** What a held write ended with; empty when it failed with a typed, retryable error. */
  private static <T> Optional<T> outcome(java.util.concurrent.Future<T> write) throws Exception {
    try {
      return Optional.of(write.get(1, java.util.concurrent.TimeUnit.MINUTES));
    } catch (java.util.concurrent.ExecutionException failed) {
      assertThat(failed.getCause()).as("a write held through a move fails only retryably")
          .isInstanceOfAny(StorageException.class, QueuedForRetryException.class, io.udm.api.error.TxnException.class);
      return Optional.empty();
    }
  }

  @Test
  void aRebalanceCrashedAtAnyStepFinishesOnTheNextRunWithTheSameEndState() {
    long seed = Seeds.seed("RebalanceSuite.crash");
    Random random = new Random(seed);
    // A traced run without faults names the calls a move makes.
    FaultInjector tracer = new FaultInjector();
    RouteContext traced = RouteContext.of(tenant, "db", "traced");
    Udm tracedWriter = open(SENT_AT_ONCE, ports);
    fill(tracedWriter.with(traced));
    String tracedSource = tracedWriter.route(traced).backendId();
    open(draining(NO_GRACE, tracedSource), FaultyPorts.wrap(ports, tracer)).maintenance().rebalance(mine());
    List<String> trace = tracer.trace();
    Map<String, Integer> seen = new HashMap<>();
    List<String> points = new ArrayList<>();
    for (String op : trace) {
      int nth = seen.merge(op, 1, Integer::sum);
      points.add(op + "#" + nth);
    }
    // A crash before and after each call: every kind of call at its first occurrence first, then others.
    List<String> firsts = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String point : points) {
      for (FaultInjector.Action action : List.of(FaultInjector.Action.CRASH_BEFORE, FaultInjector.Action.CRASH_AFTER)) {
        (point.endsWith("#1") ? firsts : others).add(action + " " + point);
      }
    }
    Collections.shuffle(firsts, random);
    Collections.shuffle(others, random);
    List<String> chosen = java.util.stream.Stream.concat(firsts.stream(), others.stream())
        .limit(crashPoints).toList();

    for (int k = 0; k < chosen.size(); k++) {
      String point = chosen.get(k);
      RouteContext ctx = RouteContext.of(tenant, "db", "crash" + k);
      Udm writer = open(SENT_AT_ONCE, ports);
      List<String> ids = fill(writer.with(ctx));
      String source = writer.route(ctx).backendId();
      Map<String, Object> answersBefore = answers(writer.with(ctx), ids);
      UdmConfig drained = draining(NO_GRACE, source);
      FaultInjector faults = new FaultInjector();
      String[] at = point.split("[ #]");
      faults.on(at[1], Integer.parseInt(at[2]), FaultInjector.Action.valueOf(at[0]));
      Udm crashing = open(drained, FaultyPorts.wrap(ports, faults));
      // The traced run made this call, and a move of the same data makes the same calls: the crash must come.
      assertThatThrownBy(() -> crashing.maintenance().rebalance(mine())).as("crash at %s", point)
          .isInstanceOf(SimulatedCrash.class);

      Udm rerun = open(drained, ports);
      RebalanceResult result = rerun.maintenance().rebalance(mine());

      assertThat(result.collectionsFailed()).as("crash at %s", point).isZero();
      String target = rerun.route(ctx).backendId();
      assertThat(target).as("crash at %s", point).isNotEqualTo(source);
      assertThat(ports.placements().placement(ctx).orElseThrow().move()).as("crash at %s", point).isEmpty();
      assertThat(answers(rerun.with(ctx), ids)).as("crash at %s", point).isEqualTo(answersBefore);
      assertThat(rerun.maintenance().verify(ctx).problems()).as("crash at %s", point).isEmpty();
      assertHoldsNothing(backend(source), ctx);
      var later = rerun.with(ctx).update(ids.get(0), Map.of("after", point));
      assertThat(later.ov()).as("a write after the move, crash at %s", point).isEqualTo(4);
    }
    System.out.printf("[rebalance] seed=%d: crashed before or after %d calls, chosen from the %d calls of a move;"
        + " every rerun finished with the same end state%n", seed, chosen.size(), points.size());
    Stress.summary(getClass().getSimpleName() + " rebalance crash points", chosen.size(), "one stream from " + seed, 0);
  }

  @Test
  void aFencedMoveToAPairNoLongerConfiguredIsAbandonedAndTheCollectionWritableAgain() {
    RouteContext ctx = RouteContext.of(tenant, "db", "orphaned");
    Udm writer = open(NO_GRACE, ports);
    List<String> ids = fill(writer.with(ctx));
    Placement placed = ports.placements().placement(ctx).orElseThrow();
    String source = placed.backendId();
    String gone = ports.backends().stream().map(BackendPorts::backendId).filter(b -> !b.equals(source))
        .findFirst().orElseThrow();
    // A rebalance fenced the source for a move to a pair, then crashed; the pair was removed since.
    Placement fenced = placed.next(source,
        Optional.of(new PlacementMove(source, gone, MovePhase.FENCED, clock.instant())));
    assertThat(ports.placements().replace(placed, fenced)).isTrue();
    backend(source).sequences().fence(ctx);
    List<BackendPorts> remaining = ports.backends().stream().filter(b -> !b.backendId().equals(gone)).toList();
    Udm withoutIt = open(NO_GRACE, new StoragePorts(remaining, ports.counters(), ports.placements(), ports.indexStates(), ports.holds(),
        ports.retryQueue(), ports.countersProbe(), List.of()));

    RebalanceResult result = withoutIt.maintenance().rebalance(mine());

    assertThat(result.collectionsFailed()).isEqualTo(1);
    assertThat(ports.placements().placement(ctx).orElseThrow().move()).as("the move is taken off").isEmpty();
    assertThat(withoutIt.with(ctx).update(ids.get(0), Map.of("after", "abandon")).ov())
        .as("the source takes commits again").isEqualTo(4);
    assertThat(withoutIt.with(ctx).getLatest(ids.get(0)).orElseThrow().data().path("after").asText())
        .isEqualTo("abandon");
  }

  @Test
  void aDrainedPairIsEmptiedAndGetsNoNewCollections() {
    Udm writer = open(NO_GRACE, ports);
    List<RouteContext> collections = new ArrayList<>();
    for (int c = 0; c < 12; c++) {
      RouteContext ctx = RouteContext.of(tenant, "db", "d" + c);
      writer.with(ctx).create(Map.of("c", c));
      collections.add(ctx);
    }
    Map<RouteContext, String> placedOn = new HashMap<>();
    collections.forEach(ctx -> placedOn.put(ctx, writer.route(ctx).backendId()));
    String drainedId = placedOn.values().iterator().next();
    Udm draining = open(draining(NO_GRACE, drainedId), ports);

    // A collection the drained pair would own by hash: a third of all names, so one turns up within
    // a few tries (searching only 12 names missed in about one run in 130).
    RouteContext brandNew = java.util.stream.IntStream.range(0, 10_000)
        .mapToObj(n -> RouteContext.of(tenant, "db2", "new" + n))
        .filter(ctx -> ownerAmong(ids(ports.backends()), ctx).equals(drainedId)).findFirst().orElseThrow();
    assertThat(draining.route(brandNew).backendId()).as("a new collection never goes to a draining pair")
        .isNotEqualTo(drainedId);
    List<CollectionMove> plan = myMoves(draining);
    assertThat(plan.stream().map(CollectionMove::collection).collect(Collectors.toSet()))
        .isEqualTo(collections.stream().filter(ctx -> placedOn.get(ctx).equals(drainedId)).collect(Collectors.toSet()));

    RebalanceResult result = draining.maintenance().rebalance(mine());

    assertThat(result.collectionsMoved()).isEqualTo(plan.size());
    for (RouteContext ctx : collections) {
      assertThat(draining.route(ctx).backendId()).isNotEqualTo(drainedId);
      assertThat(draining.with(ctx).listByMeta(io.udm.api.MetaQuery.all()).items()).hasSize(1);
      assertHoldsNothing(backend(drainedId), ctx);
    }
  }

  @Test
  void aRebalanceMustBeConfirmed() {
    Udm udm = open(NO_GRACE, ports);

    assertThatThrownBy(() -> udm.maintenance().rebalance(RebalanceOptions.builder().build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("RebalanceOptions.confirmed()");
    assertThatThrownBy(() -> RebalanceOptions.builder().confirm(true).maxCollections(0).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("maxCollections");
  }

  @Test
  void maintenanceThatRemovesDataWaitsForAMoveToFinish() {
    RouteContext ctx = RouteContext.of(tenant, "db", "maint");
    UdmConfig hardDeletes = UdmConfig.builder().hardDeleteEnabled(true).build();
    Udm udm = open(hardDeletes, ports);
    String id = udm.with(ctx).create(Map.of("x", 1)).id();
    Placement placement = ports.placements().placement(ctx).orElseThrow();
    String other = ports.backends().stream().map(BackendPorts::backendId)
        .filter(b -> !b.equals(placement.backendId())).findFirst().orElseThrow();
    // A move an earlier rebalance left copying.
    ports.placements().replace(placement, placement.next(placement.backendId(),
        Optional.of(new PlacementMove(placement.backendId(), other, MovePhase.COPYING, clock.instant()))));

    assertThatThrownBy(() -> udm.maintenance().hardDelete(ctx, id, HardDeleteOptions.confirmed()))
        .isInstanceOf(StorageException.class).hasMessageContaining("being moved")
        .satisfies(e -> assertThat(((StorageException) e).isTransient()).isTrue());
    assertThatThrownBy(() -> udm.maintenance().applyRetention(ctx)).hasMessageContaining("being moved");
    assertThat(udm.with(ctx).getLatest(id)).as("reads go on during a move").isPresent();
    assertThat(udm.with(ctx).update(id, Map.of("x", 2)).ov()).as("writes go on while copying").isEqualTo(2);

    RebalancePlan plan = udm.maintenance().planRebalance();
    assertThat(plan.moves()).as("the unfinished move is planned, to resume")
        .contains(new CollectionMove(ctx, placement.backendId(), other));
  }

  @Test
  void aPlacementOnAPairNoLongerConfiguredIsARouteMismatchNamingIt() {
    RouteContext ctx = RouteContext.of(tenant, "db", "gone");
    Udm three = open(NO_GRACE, ports);
    three.with(ctx).create(Map.of("x", 1));
    String placed = three.route(ctx).backendId();
    List<BackendPorts> without = ports.backends().stream().filter(b -> !b.backendId().equals(placed)).toList();
    StoragePorts lessPairs = new StoragePorts(without, ports.counters(), ports.placements(), ports.indexStates(), ports.holds(), ports.retryQueue(),
        ports.countersProbe(), List.of());
    Udm missingOne = open(NO_GRACE, lessPairs);

    assertThatThrownBy(() -> missingOne.with(ctx).getLatest("x"))
        .isInstanceOf(RouteMismatchException.class).hasMessageContaining(placed).hasMessageContaining("routing.drain");
    assertThatThrownBy(() -> missingOne.with(ctx).create(Map.of("y", 1)))
        .isInstanceOf(RouteMismatchException.class);
  }

  @Test
  void drainingAnUnknownPairOrEveryPairIsRefusedWithTheConfiguredIds() {
    String known = ports.backends().get(0).backendId();
    assertThatThrownBy(() -> open(draining(NO_GRACE, "b-nosuchpair"), ports))
        .isInstanceOf(ValidationException.class).hasMessageContaining("b-nosuchpair").hasMessageContaining(known);
    UdmConfig all = UdmConfig.builder().from(NO_GRACE)
        .routing(RoutingConfig.builder().addAllDrain(ids(ports.backends())).build()).build();
    assertThatThrownBy(() -> open(all, ports)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at least one pair");
  }

  @Test
  void routeAnswersThePlacementOrTheOwnerWithoutPlacingAnything() {
    RouteContext ctx = RouteContext.of(tenant, "db", "unplaced");
    Udm udm = open(NO_GRACE, ports);

    assertThat(udm.route(ctx).backendId()).isEqualTo(ownerAmong(ids(ports.backends()), ctx));
    assertThat(ports.placements().placement(ctx)).isEmpty();
  }
}
