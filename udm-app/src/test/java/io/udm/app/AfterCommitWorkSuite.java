package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.CounterQuery;
import io.udm.api.HardDeleteOptions;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.AfterCommitConfig;
import io.udm.api.config.DevShadowConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.WriteOptimizationConfig;
import io.udm.api.error.StorageException;
import io.udm.app.effects.EffectsSweeper;
import io.udm.spi.AppliedEffect;
import io.udm.spi.BackendPorts;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.PendingVersion;
import io.udm.spi.VersionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After-commit work (counter deltas, dev shadows) is owed by the version record from the moment it
 * is appended, applied once by the committing process, and, when that process fails or dies,
 * applied once by a sweeper. Neither a failing counters store nor a crash loses it or counts it
 * twice. Each wiring (memory; MongoDB + S3 servers in the JVM) runs it on its own stores.
 */
public abstract class AfterCommitWorkSuite {
  private final String tenant = TestStores.tenant("acme");
  private final RouteContext ctx = RouteContext.of(tenant, "crm", "users");
  private final CounterQuery all = CounterQuery.of(tenant, null, null);
  private final MutableClock clock;
  /** The stores of this test: in memory each call gives fresh ones, so a test asks once. */
  private final StoragePorts ports;
  private final List<Udm> opened = new ArrayList<>();

  protected AfterCommitWorkSuite(TestStores stores) {
    clock = stores.clock("2026-01-01T00:00:00Z");
    ports = stores.ports(clock);
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Udm::close);
  }

  /** Refuses counter additions while {@link #failing} is set. */
  static final class FlakyCounters implements CounterStore {
    final CounterStore delegate;
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger additions = new AtomicInteger();
    /** Set: the next addition says it started, then waits for the latch. */
    volatile java.util.concurrent.CountDownLatch holdNext;
    final java.util.concurrent.CountDownLatch heldOneStarted = new java.util.concurrent.CountDownLatch(1);
    /** Whether the held addition's thread was interrupted, as a driver's request would be. */
    final AtomicBoolean heldOneInterrupted = new AtomicBoolean();

    FlakyCounters(CounterStore delegate) {
      this.delegate = delegate;
    }

    private void holdIfAsked() {
      java.util.concurrent.CountDownLatch hold = holdNext;
      if (hold != null) {
        holdNext = null;
        heldOneStarted.countDown();
        try {
          hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          heldOneInterrupted.set(true);
          Thread.currentThread().interrupt();
          throw new StorageException("interrupted waiting for the counters store (injected)", true);
        }
      }
    }

    private void refuseWhileFailing() {
      if (failing.get()) {
        throw new StorageException("counters store unavailable (injected)", true);
      }
    }

    @Override
    public void add(RouteContext collection, CounterDelta delta) {
      refuseWhileFailing();
      additions.incrementAndGet();
      delegate.add(collection, delta);
    }

    @Override
    public boolean addOnce(RouteContext collection, CounterDelta delta, List<AppliedEffect> effects,
        Collection<String> forget) {
      refuseWhileFailing();
      holdIfAsked();
      additions.incrementAndGet();
      return delegate.addOnce(collection, delta, effects, forget);
    }

    @Override
    public void forget(RouteContext collection, Collection<String> writeIds) {
      refuseWhileFailing();
      delegate.forget(collection, writeIds);
    }

    @Override
    public List<AppliedEffect> remembered(Instant appliedBefore, int limit) {
      return delegate.remembered(appliedBefore, limit);
    }

    @Override
    public Totals totals(CounterQuery query) {
      return delegate.totals(query);
    }

    @Override
    public void reset(CounterQuery query) {
      delegate.reset(query);
    }
  }

  /** An outbox that cannot mark work done while {@link #failing} is set. */
  static final class UnmarkableOutbox implements EffectsOutbox {
    final AtomicBoolean failing = new AtomicBoolean();
    private final EffectsOutbox delegate;

    UnmarkableOutbox(EffectsOutbox delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<PendingVersion> claimPendingEffects(Instant now, Instant until, int limit) {
      return delegate.claimPendingEffects(now, until, limit);
    }

    @Override
    public Optional<PendingEffects> pendingEffects(ItemKey key, long ov, String writeId) {
      return delegate.pendingEffects(key, ov, writeId);
    }

    @Override
    public void effectsApplied(ItemKey key, long ov, String writeId) {
      if (failing.get()) {
        throw new StorageException("versions store unavailable (injected)", true);
      }
      delegate.effectsApplied(key, ov, writeId);
    }
  }

  private static StoragePorts with(StoragePorts ports, CounterStore counters) {
    return new StoragePorts(ports.backends(), counters, ports.placements(), ports.indexStates(), ports.holds(), ports.retryQueue(), ports.countersProbe(),
        ports.resources());
  }

  private static StoragePorts withOutbox(StoragePorts ports, EffectsOutbox outbox) {
    BackendPorts wrapped = ports.backends().get(0).withOutbox(outbox);
    return new StoragePorts(List.of(wrapped), ports.counters(), ports.placements(), ports.indexStates(), ports.holds(), ports.retryQueue(),
        ports.countersProbe(), ports.resources());
  }

  /**
   * Sweeps run when a test says so: a background sweep would race the test's own. A write's work is
   * sent with it (no debounce), so each test sees one write's work at the step it looks at; the
   * tests that hold work say so.
   */
  private static io.udm.api.config.ImmutableUdmConfig.Builder config() {
    return UdmConfig.builder().afterCommit(AfterCommitConfig.builder().sweepIntervalMs(0).build())
        .writeOptimization(WriteOptimizationConfig.builder().debounceCountersMs(0).build());
  }

  private Udm udm(StoragePorts on, UdmConfig config) {
    Udm udm = TestUdms.open(config, on, clock, MemoryPorts.sequentialIds());
    opened.add(udm);
    return udm;
  }

  /** A process that stops without shutdown: never closed, its held work dies with it. */
  private Udm dyingProcess(StoragePorts on, UdmConfig config) {
    return TestUdms.open(config, on, clock, MemoryPorts.sequentialIds());
  }

  private EffectsSweeper sweeperOfANewProcess(StoragePorts on, UdmConfig config) {
    TestUdms.Opened next = TestUdms.openWithSweeper(config, on, clock, MemoryPorts.sequentialIds());
    opened.add(next.udm());
    return next.sweeper();
  }

  private static WriteOptions id(String objectId) {
    return WriteOptions.builder().objectId(objectId).build();
  }

  private static List<Long> opsAndLive(Totals t) {
    return List.of(t.creates(), t.updates(), t.deletes(), t.live());
  }

  @Test
  void writesSucceedWhileTheCountersStoreFailsAndTheHeldChangesArriveOnTheNextWrite() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    Udm udm = udm(with(ports, store), config().build());
    store.failing.set(true);
    String id = udm.with(ctx).create(Map.of("v", 1)).id();
    udm.with(ctx).update(id, Map.of("v", 2));
    udm.with(ctx).create(Map.of("v", 3));
    assertThat(store.totals(all)).isEqualTo(Totals.zero());

    store.failing.set(false);
    udm.with(ctx).delete(id);
    assertThat(opsAndLive(store.totals(all))).containsExactly(2L, 1L, 1L, 1L);
  }

  @Test
  void shutdownSendsWhatIsHeld() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    Udm udm = dyingProcess(with(ports, store), config().build());
    store.failing.set(true);
    udm.with(ctx).create(Map.of("v", 1));
    store.failing.set(false);
    udm.admin().shutdown();
    assertThat(store.totals(all).creates()).isEqualTo(1);
  }

  @Test
  void debouncedDeltasGoAsOneAdditionOnReadAndShutdown() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    UdmConfig config = config()
        .writeOptimization(WriteOptimizationConfig.builder().debounceCountersMs(3_600_000).build()).build();
    Udm udm = dyingProcess(with(ports, store), config);
    for (int i = 0; i < 5; i++) {
      udm.with(ctx).create(Map.of("v", i));
    }
    assertThat(store.additions.get()).isZero();
    assertThat(udm.counters().getTotals(all).creates()).isEqualTo(5);
    assertThat(store.additions.get()).isEqualTo(1);
    udm.with(ctx).create(Map.of("v", 9));
    udm.close();
    assertThat(store.totals(all).creates()).isEqualTo(6);
    assertThat(store.additions.get()).isEqualTo(2);
  }

  /** A read of totals while the debounce timer's flush is on its way must wait for it, not miss it. */
  @Test
  void totalsReadWhileAFlushIsOnItsWayIncludeIt() throws Exception {
    FlakyCounters store = new FlakyCounters(ports.counters());
    Udm udm = udm(with(ports, store), flushingSoon());
    java.util.concurrent.atomic.AtomicReference<Totals> read = new java.util.concurrent.atomic.AtomicReference<>();

    whileTheTimersFlushIsHeld(udm, store, () -> read.set(udm.counters().getTotals(all)));

    assertThat(read.get()).isNotNull();
    assertThat(read.get().creates()).isEqualTo(1);
  }

  /** Closing while the timer's flush is on its way lets it finish, rather than interrupt its requests. */
  @Test
  void closeLetsAFlushUnderWayFinish() throws Exception {
    FlakyCounters store = new FlakyCounters(ports.counters());
    Udm udm = dyingProcess(with(ports, store), flushingSoon());

    whileTheTimersFlushIsHeld(udm, store, udm::close);

    assertThat(store.heldOneInterrupted).as("the flush under way was interrupted").isFalse();
    assertThat(store.totals(all).creates()).isEqualTo(1);
  }

  private static UdmConfig flushingSoon() {
    return config().writeOptimization(WriteOptimizationConfig.builder().debounceCountersMs(20).build()).build();
  }

  /**
   * Writes one item, holds the timer's flush of its counters in the store, runs {@code call} on a
   * thread of its own until it waits (or ends), then lets the flush go on and waits for the call.
   */
  private void whileTheTimersFlushIsHeld(Udm udm, FlakyCounters store, Runnable call) throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    store.holdNext = release;
    udm.with(ctx).create(Map.of("v", 1));
    assertThat(store.heldOneStarted.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the timer's flush").isTrue();
    Thread caller = new Thread(call, "caller");
    caller.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (caller.isAlive() && caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    release.countDown();
    caller.join(10_000);
  }

  @Test
  void workHeldByAProcessThatDiedIsAppliedOnceByTheNextProcessesSweeper() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    StoragePorts shared = with(ports, store);
    UdmConfig config = config()
        .writeOptimization(WriteOptimizationConfig.builder().debounceCountersMs(3_600_000).build()).build();
    Udm dying = dyingProcess(shared, config);
    dying.with(ctx).create(Map.of("v", 1), id("a"));
    dying.with(ctx).create(Map.of("v", 2), id("b"));
    dying.with(ctx).update("a", Map.of("v", 3));
    assertThat(store.totals(all)).isEqualTo(Totals.zero());

    // Its claim runs out: only then may another process take the work over.
    EffectsSweeper early = sweeperOfANewProcess(shared, config);
    assertThat(early.sweepOnce().versionsClaimed()).isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(early.sweepOnce().versionsClaimed()).isEqualTo(3);
    assertThat(opsAndLive(store.totals(all))).containsExactly(2L, 1L, 0L, 2L);

    // The dead process's held work is past its claim: sending it now adds nothing.
    dying.close();
    assertThat(early.sweepOnce().versionsClaimed()).isZero();
    assertThat(opsAndLive(store.totals(all))).containsExactly(2L, 1L, 0L, 2L);
  }

  @Test
  void aDeltaAddedBeforeTheProcessCouldMarkItsRecordIsNotAddedAgain() {
    UnmarkableOutbox outbox = new UnmarkableOutbox(ports.backends().get(0).outbox());
    StoragePorts unmarkable = withOutbox(ports, outbox);
    outbox.failing.set(true);
    Udm udm = udm(unmarkable, config().build());
    udm.with(ctx).create(Map.of("v", 1), id("a"));
    ItemKey a = ItemKey.of(ctx, "a");
    String writeId = ports.backends().get(0).versions().find(a, 1).orElseThrow().writeId();
    assertThat(ports.counters().totals(all).creates()).isEqualTo(1);
    assertThat(outbox.pendingEffects(a, 1, writeId)).isPresent();

    outbox.failing.set(false);
    clock.advance(Duration.ofMinutes(2));
    EffectsSweeper sweeper = sweeperOfANewProcess(unmarkable, config().build());
    assertThat(sweeper.sweepOnce().versionsClaimed()).isEqualTo(1);

    assertThat(ports.counters().totals(all).creates()).isEqualTo(1);
    assertThat(outbox.pendingEffects(a, 1, writeId)).isEmpty();
  }

  @Test
  void theCountersForgetAVersionOnceItsRecordOwesNothing() {
    StoragePorts on = withOutbox(ports, new UnmarkableOutbox(ports.backends().get(0).outbox()));
    Udm udm = udm(on, config().build());
    udm.with(ctx).create(Map.of("v", 1), id("a"));
    String writeIdOfA = ports.backends().get(0).versions().find(ItemKey.of(ctx, "a"), 1).orElseThrow().writeId();
    assertThat(rememberedWriteIds()).as("remembered while its record may still owe").contains(writeIdOfA);
    udm.with(ctx).create(Map.of("v", 2), id("b"));
    udm.counters().getTotals(all);
    assertThat(rememberedWriteIds()).as("forgotten once the records owe nothing").isEmpty();
  }

  private List<String> rememberedWriteIds() {
    Instant later = clock.instant().plus(Duration.ofDays(1));
    return ports.counters().remembered(later, 1000).stream().filter(e -> e.collection().equals(ctx))
        .map(AppliedEffect::writeId).toList();
  }

  @Test
  void aDevShadowOwedByAProcessThatDiedIsPutByTheSweeper() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    StoragePorts shared = with(ports, store);
    UdmConfig config = config()
        .devShadow(DevShadowConfig.builder().enabled(true).ttlHours(24).maxBytesPerDoc(1 << 20).build()).build();
    store.failing.set(true);
    dyingProcess(shared, config).with(ctx).create(Map.of("name", "ada"), id("a"));
    BackendPorts backend = ports.backends().get(0);
    assertThat(backend.heads().find(ItemKey.of(ctx, "a")).orElseThrow().shadow()).isEmpty();

    store.failing.set(false);
    clock.advance(Duration.ofMinutes(2));
    sweeperOfANewProcess(shared, config).sweepOnce();

    assertThat(backend.heads().find(ItemKey.of(ctx, "a")).orElseThrow().shadow().orElseThrow()
        .document().path("name").asText()).isEqualTo("ada");
    assertThat(store.totals(all).creates()).isEqualTo(1);
  }

  private static final UdmConfig SHADOWS = config()
      .devShadow(DevShadowConfig.builder().enabled(true).ttlHours(24).maxBytesPerDoc(1 << 20).build()).build();

  /** Item "a" at ov 1 with its shadow, and ov 2 committed by a process that died before moving the head. */
  private VersionRecord secondVersionWhoseWriterDiedAfterTheAppend() {
    udm(ports, SHADOWS).with(ctx).create(Map.of("name", "ada"), id("a"));
    io.udm.app.faults.FaultInjector faults = new io.udm.app.faults.FaultInjector();
    faults.on("versions.append", 1, io.udm.app.faults.FaultInjector.Action.CRASH_AFTER);
    Udm dying = dyingProcess(io.udm.app.faults.FaultyPorts.wrap(ports, faults), SHADOWS);
    assertThatThrownBy(() -> dying.with(ctx).update("a", Map.of("name", "grace")))
        .isInstanceOf(io.udm.app.faults.SimulatedCrash.class);
    ItemKey a = ItemKey.of(ctx, "a");
    assertThat(ports.backends().get(0).heads().find(a).orElseThrow().ov()).as("the head never moved").isEqualTo(1);
    return ports.backends().get(0).versions().latest(a).orElseThrow();
  }

  @Test
  void aShadowOwedByAVersionWhoseWriterDiedBeforeMovingTheHeadMovesTheHeadWithIt() {
    UdmConfig config = SHADOWS;
    secondVersionWhoseWriterDiedAfterTheAppend();
    BackendPorts backend = ports.backends().get(0);
    ItemKey a = ItemKey.of(ctx, "a");

    clock.advance(Duration.ofMinutes(2));
    sweeperOfANewProcess(ports, config).sweepOnce();

    var head = backend.heads().find(a).orElseThrow();
    assertThat(head.ov()).isEqualTo(2);
    assertThat(head.shadow().orElseThrow().document().path("name").asText()).isEqualTo("grace");
  }

  @Test
  void aReaderRollingTheHeadForwardWhileTheShadowMovesItDoesNotLoseTheShadow() {
    UdmConfig config = SHADOWS;
    VersionRecord second = secondVersionWhoseWriterDiedAfterTheAppend();
    BackendPorts backend = ports.backends().get(0);
    ItemKey a = ItemKey.of(ctx, "a");

    // The sweeper's first compare-and-set finds the head behind; just before its second, a reader
    // in another process rolls the head forward (without a shadow, as repairs do).
    io.udm.app.faults.FaultInjector race = new io.udm.app.faults.FaultInjector();
    race.before("heads.compareAndSet", 2, () ->
        assertThat(backend.heads().compareAndSet(1, HeadRecord.of(second)).applied()).isTrue());
    clock.advance(Duration.ofMinutes(2));
    sweeperOfANewProcess(io.udm.app.faults.FaultyPorts.wrap(ports, race), config).sweepOnce();

    var head = backend.heads().find(a).orElseThrow();
    assertThat(head.ov()).isEqualTo(2);
    assertThat(head.shadow()).as("the shadow survives the race").isPresent();
    assertThat(head.shadow().orElseThrow().document().path("name").asText()).isEqualTo("grace");
  }

  @Test
  void aHardDeleteAppliesTheItemsOwedWorkBeforeTakingItOut() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    UdmConfig config = config().hardDeleteEnabled(true).build();
    Udm udm = udm(with(ports, store), config);
    store.failing.set(true);
    udm.with(ctx).create(Map.of("v", 1), id("a"));
    udm.with(ctx).create(Map.of("v", 2), id("b"));
    store.failing.set(false);
    // Past the claim: the held work is no longer sent by this process; only the records owe it.
    clock.advance(Duration.ofMinutes(2));

    udm.maintenance().hardDelete(ctx, "a", HardDeleteOptions.confirmed());

    assertThat(opsAndLive(store.totals(all))).containsExactly(1L, 0L, 0L, 0L);
    clock.advance(Duration.ofMinutes(2));
    sweeperOfANewProcess(with(ports, store), config).sweepOnce();
    assertThat(opsAndLive(store.totals(all))).containsExactly(2L, 0L, 0L, 1L);
  }
}
