package io.udm.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.Change;
import io.udm.api.ChangePage;
import io.udm.api.ChangeQuery;
import io.udm.api.GcResult;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Op;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VerifyProblem;
import io.udm.api.VerifyProblem.Kind;
import io.udm.api.VerifyReport;
import io.udm.api.WriteOptions;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.StorageConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.StorageException;
import io.udm.api.error.TxnException;
import io.udm.app.Stress;
import io.udm.app.TestUdms;
import io.udm.domain.changes.FeedTiming;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BlobInfo;
import io.udm.spi.VersionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The crash-point sweep: seeded, reproducible runs, each crashing (or failing, or losing the reply
 * of) one write at one boundary of the saga, with other writers, readers, hard deletes and
 * retention runs interleaved at random boundaries of that write, then checking what must hold
 * whatever happened:
 *
 * <ul>
 *   <li>no head points to a missing version or payload (checked before any repair, and by every
 *       interleaved reader);
 *   <li>every acknowledged write is in the log with its payload, unless retention pruned it (then
 *       a newer version is) or its item was hard-deleted (then nothing of the item is left);
 *   <li>an unacknowledged write is either fully visible (exactly one version, readable) or absent;
 *       a replay of its request id never makes a second version;
 *   <li>every item's ov chain is gapless (from its oldest kept version); a read rolls any lagging
 *       head forward;
 *   <li>verify finds nothing but orphan payloads (and repairs lagging heads); GC removes exactly
 *       those, a second GC removes nothing, and verify is then clean;
 *   <li>a follower of the change feed, reading from before the run, sees every version still in
 *       the log, once, in cv order.
 * </ul>
 *
 * <p>Some runs deliver the write's append or head move late: while it is on its way a rival
 * writes, the clock passes the feed's hold, the follower reads past the write's cv (burning it),
 * and a hard delete or retention may run; then the call arrives.
 *
 * <p>Runs: {@code -Dudm.sweep.runs=N} (default per wiring, small for CI; {@code -Pstress} runs
 * {@link #stressRuns()}), base seed: {@code -Dudm.sweep.seed=S} or {@code -Dudm.seed=S} (default
 * fixed); each run's seed is spread from it. A failing run names its own seed, and {@code
 * -Dudm.sweep.replay=SEED} runs just that run. Single-threaded by design: every interleaving is
 * decided by the seed, so a failing run replays exactly.
 */
public abstract class CrashSweepSuite {
  private static final Duration GRACE = Duration.ofHours(1);
  private static final List<FaultInjector.Action> ACTIONS = List.of(FaultInjector.Action.values());
  /** What the maintaining process prunes to: the two newest versions of each item. */
  private static final int VERSIONS_KEPT = 2;

  /** The stores for one run: fresh, or shared servers (each run uses its own tenant). */
  protected abstract FaultFixture fixtureForRun();

  protected abstract int defaultRuns();

  protected String wiring() {
    return getClass().getSimpleName();
  }

  private final Map<String, AtomicInteger> stats = new TreeMap<>();

  private void count(String what) {
    stats.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  /**
   * The share of writes under test acknowledged (first try or replay): 55.7% over 10,000 runs on
   * spread seeds in memory, 58% over 250 on MongoDB + S3 (2026-12-07). One run in ten injects nothing, and many faults sit where a write never goes
   * (a compensation, a request id lookup without one) or are survived (a lost reply reconciled, a
   * replay).
   */
  static final double ACKNOWLEDGED_SHARE = 0.55;

  /** Runs of the stress profile; by default ten times the CI count. */
  protected int stressRuns() {
    return defaultRuns() * 10;
  }

  @Test
  void noAcknowledgedWriteIsLostAndNoHeadDanglesWhereverAWriteCrashes() {
    Long replay = Long.getLong("udm.sweep.replay");
    int runs = replay != null ? 1 : Integer.getInteger("udm.sweep.runs", Stress.on() ? stressRuns() : defaultRuns());
    long seed = Long.getLong("udm.sweep.seed", Long.getLong("udm.seed", 20261126L));
    String tag = UUID.randomUUID().toString().substring(0, 6);
    long began = System.nanoTime();
    List<AssertionError> failures = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long runSeed = replay != null ? replay : Stress.runSeed(seed, run);
      try {
        new Run(fixtureForRun(), new Random(runSeed), RouteContext.of("s" + tag + "-" + run, "db", "sweep")).execute();
      } catch (AssertionError | RuntimeException e) {
        failures.add(new AssertionError("sweep run " + run + " failed; replay it with -Dudm.sweep.replay=" + runSeed
            + " (" + wiring() + ")", e));
      }
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    System.out.printf("[sweep] %s: %d runs, seeds spread from %d, %d ms (more: -Dudm.sweep.runs=N or -Pstress)%n",
        wiring(), runs, seed, millis);
    stats.forEach((k, v) -> System.out.printf("[sweep]   %-48s %6d%n", k, v.get()));
    Stress.summary(wiring() + " crash sweep", runs, seed, failures.size());
    if (!failures.isEmpty()) {
      failures.subList(1, failures.size()).forEach(f -> System.out.println("[sweep] also " + f.getMessage()));
      throw failures.get(0);
    }
    assertThat(stats.getOrDefault("invariant checks passed", new AtomicInteger()).get()).isEqualTo(runs);
    int acknowledged = stats.getOrDefault("writes under test acknowledged (first try or replay)", new AtomicInteger()).get();
    assertThat(acknowledged).as("writes under test acknowledged, of %d", runs)
        .isGreaterThanOrEqualTo((int) Stress.fewestAcknowledged(runs, ACKNOWLEDGED_SHARE));
    // A lost race needs a rival on the write's item, which a third of the runs set up (or two boundaries force).
    int lostRaces = stats.getOrDefault("writes under test that lost a race, no fault met", new AtomicInteger()).get();
    assertThat(lostRaces).as("writes under test that lost a race with no fault met, of %d", runs)
        .isLessThanOrEqualTo(stats.getOrDefault("writes under test with a rival on their item", new AtomicInteger()).get());
  }

  /** What a write that returned promised. */
  private record Ack(String id, long ov, String marker, Op op) {}

  private final class Run {
    private final FaultFixture fx;
    private final Random rnd;
    private final RouteContext ctx;
    private final Udm victimProcess;
    private final Udm otherProcess;
    /** Another process, configured to hard-delete and to prune all but the newest versions. */
    private final Udm maintainer;
    private final ItemOps victim;
    private final ItemOps other;
    private final List<String> items = new ArrayList<>();
    /** Items made before the write under test: the only ones a hard delete may take. */
    private final List<String> seededItems = new ArrayList<>();
    private final Set<String> hardDeleted = new TreeSet<>();
    private final List<Ack> acks = new ArrayList<>();
    /** What the run's follower of the change feed has seen so far, and where it is. */
    private final List<Change> followed = new ArrayList<>();
    private long followerAt;
    private int markers;
    /** The item the write under test targets, while it runs: a rival write to it excuses a conflict. */
    private Optional<String> victimTarget = Optional.empty();
    private int rivalWritesToVictimTarget;

    Run(FaultFixture fx, Random rnd, RouteContext ctx) {
      this.fx = fx;
      this.rnd = rnd;
      this.ctx = ctx;
      fx.faults.reset();
      // Half the runs keep small payloads inline, half in object storage: both layouts crash everywhere.
      boolean inline = rnd.nextBoolean();
      UdmConfig layout = UdmConfig.builder().from(fx.config)
          .storage(StorageConfig.builder().inlineMaxBytes(inline ? StorageConfig.MAX_INLINE_MAX_BYTES : 0).build())
          .build();
      count(inline ? "runs with payloads inline" : "runs with payloads in object storage");
      this.victimProcess = fx.victim(layout);
      this.otherProcess = fx.rival(layout);
      this.maintainer = TestUdms.open(UdmConfig.builder().from(layout).hardDeleteEnabled(true)
          .retention(RetentionConfig.builder().ver(VersionRetention.builder().maxPerItem(VERSIONS_KEPT).build()).build())
          .build(), fx.raw, fx.clock, fx.ids);
      this.victim = victimProcess.with(ctx);
      this.other = otherProcess.with(ctx);
    }

    private Map<String, Object> doc(String marker) {
      return Map.of("m", marker);
    }

    private String nextMarker(String who) {
      return who + (++markers);
    }

    void execute() {
      int seeded = 2 + rnd.nextInt(2);
      for (int i = 0; i < seeded; i++) {
        String m = nextMarker("s");
        var created = other.create(doc(m));
        items.add(created.id());
        seededItems.add(created.id());
        acks.add(new Ack(created.id(), created.ov(), m, Op.CREATE));
        for (int u = rnd.nextInt(3); u > 0; u--) {
          rivalUpdate(created.id());
        }
      }

      // The write under test.
      double pick = rnd.nextDouble();
      Op op = pick < 0.25 ? Op.CREATE : pick < 0.85 ? Op.UPDATE : Op.DELETE;
      String target = op == Op.CREATE ? (rnd.nextBoolean() ? "v" + rnd.nextInt(1000) : null) : items.get(rnd.nextInt(items.size()));
      Optional<String> requestId = rnd.nextBoolean() ? Optional.of("rq" + rnd.nextInt(1_000_000)) : Optional.empty();
      boolean expectOv = op != Op.CREATE && rnd.nextInt(10) < 3;
      String marker = nextMarker("V");
      var ob = WriteOptions.builder();
      requestId.ifPresent(ob::requestId);
      if (op == Op.CREATE && target != null) {
        ob.objectId(target);
      }
      if (expectOv) {
        ob.expectedOv(fx.history(ctx, target).get(fx.history(ctx, target).size() - 1).ov());
      }
      WriteOptions opts = ob.build();

      // Where it fails, and what happens around it.
      String headMove = op == Op.CREATE ? "heads.insert" : "heads.compareAndSet";
      List<String> boundaries = List.of("heads.find", "versions.findAll", "versions.latest", "sequences.next",
          "blobs.put", "versions.append", headMove, "blobs.delete", "versions.find", "versions.findByRequestId");
      String boundary = boundaries.get(rnd.nextInt(boundaries.size()));
      FaultInjector.Action action = ACTIONS.get(rnd.nextInt(ACTIONS.size()));
      boolean none = rnd.nextInt(10) == 0;
      boolean race = boundary.equals("blobs.delete") || boundary.equals("versions.find") || rnd.nextInt(3) == 0;
      if (race) {
        // A rival commits the same ov just before the victim appends: the victim loses and compensates.
        fx.faults.before("versions.append", 1, () -> {
          if (op == Op.CREATE) {
            if (target != null) {
              rivalCreate(target);
            }
          } else {
            rivalUpdate(target);
          }
        });
      }
      for (int i = rnd.nextInt(4); i > 0; i--) {
        String at = boundaries.get(rnd.nextInt(boundaries.size()));
        Runnable interleaved = interleaving();
        if (rnd.nextBoolean()) {
          fx.faults.before(at, 1, interleaved);
        } else {
          fx.faults.after(at, 1, interleaved);
        }
      }
      if (!none) {
        fx.faults.on(boundary, 1, action);
      }
      if (rnd.nextInt(4) == 0) {
        String late = rnd.nextBoolean() ? "versions.append" : headMove;
        fx.faults.before(late, 1, () -> arriveLate(late));
      }
      String where = none ? "no fault" : action + " " + boundary;

      Supplier<Ack> write = () -> switch (op) {
        case CREATE -> {
          var r = victim.create(doc(marker), opts);
          yield new Ack(r.id(), r.ov(), marker, op);
        }
        case UPDATE -> {
          var r = victim.update(target, doc(marker), opts);
          yield new Ack(r.id(), r.ov(), marker, op);
        }
        default -> {
          var r = victim.delete(target, opts);
          yield new Ack(r.id(), r.ov(), marker, op);
        }
      };
      Optional<Ack> acked = Optional.empty();
      String outcome;
      victimTarget = Optional.ofNullable(target);
      rivalWritesToVictimTarget = 0;
      try {
        acked = Optional.of(write.get());
        outcome = "acknowledged";
      } catch (SimulatedCrash | OptimisticLockException | StorageException | TxnException | NotFoundException e) {
        // The rule fires on the first call of its boundary: the write met the fault if it got there.
        boolean metFault = !none && fx.faults.calls(boundary) > 0;
        if (!metFault && !lostToARival(e, target)) {
          throw new AssertionError("the write under test met no injected fault (" + where + ") and no rival"
              + " took its item, yet failed", e);
        }
        outcome = e instanceof SimulatedCrash ? "crashed" : "failed (" + e.getClass().getSimpleName() + ")";
        count(metFault ? "writes under test that met their fault" : "writes under test that lost a race, no fault met");
      } finally {
        victimTarget = Optional.empty();
      }
      if (rivalWritesToVictimTarget > 0) {
        count("writes under test with a rival on their item");
      }
      fx.faults.reset();
      if (acked.isPresent()) {
        count("writes under test acknowledged (first try)");
      }
      count("outcome: " + outcome);
      count("boundary: " + where + " -> " + (acked.isPresent() ? "acknowledged" : "not acknowledged"));

      // The restarted process replays the request, if it had an id (a client retrying after no reply).
      if (acked.isEmpty() && requestId.isPresent()) {
        Set<Long> replayedOvs = new TreeSet<>();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
          try {
            Ack again = switch (op) {
              case CREATE -> {
                var r = other.create(doc(marker), opts);
                yield new Ack(r.id(), r.ov(), marker, op);
              }
              case UPDATE -> {
                var r = other.update(target, doc(marker), opts);
                yield new Ack(r.id(), r.ov(), marker, op);
              }
              default -> {
                var r = other.delete(target, opts);
                yield new Ack(r.id(), r.ov(), marker, op);
              }
            };
            replayedOvs.add(again.ov());
            acked = Optional.of(again);
          } catch (OptimisticLockException | NotFoundException e) {
            // The request was never applied and no longer can be: it stays unacknowledged.
          }
        }
        assertThat(replayedOvs).as("replays of one request answer with one version").hasSizeLessThanOrEqualTo(1);
        count(acked.isPresent() ? "replay: acknowledged on retry" : "replay: still not applied");
      }
      if (acked.isPresent()) {
        count("writes under test acknowledged (first try or replay)");
      }
      acked.ifPresent(acks::add);
      check(op, target, marker, acked.isPresent());
    }

    /**
     * Whether a failure that met no fault is a lost race: a rival committed to the write's item while
     * it ran (taking its ov, or its id for a create; the run reads {@code expectedOv} just before the
     * write, so only a rival can make it stale), or a hard delete took the item. Nothing else may fail
     * a write.
     */
    private boolean lostToARival(Throwable e, String target) {
      if (e instanceof OptimisticLockException) {
        return rivalWritesToVictimTarget > 0;
      }
      return e instanceof NotFoundException && target != null && hardDeleted.contains(target);
    }

    private void rivalCreate(String id) {
      String m = nextMarker("r");
      try {
        var r = other.create(doc(m), WriteOptions.builder().objectId(id).build());
        noteRivalWrite(id);
        acks.add(new Ack(r.id(), r.ov(), m, Op.CREATE));
        items.add(r.id());
      } catch (OptimisticLockException exists) {
        // The victim's create is in already.
      }
    }

    private void rivalUpdate(String id) {
      String m = nextMarker("r");
      try {
        var r = other.update(id, doc(m));
        noteRivalWrite(id);
        acks.add(new Ack(r.id(), r.ov(), m, Op.UPDATE));
      } catch (NotFoundException deleted) {
        // The victim deleted it, or a hard delete took it, meanwhile.
      }
    }

    private void noteRivalWrite(String id) {
      if (victimTarget.filter(id::equals).isPresent()) {
        rivalWritesToVictimTarget++;
      }
    }

    /**
     * The world while a call of the write is on its way: a rival writes (a cv above the write's), the
     * clock passes the feed's hold, the follower reads on (giving up on the write's cv), and maybe a
     * hard delete or retention runs. The call then goes on, late.
     */
    private void arriveLate(String call) {
      count("late arrival: " + call);
      rivalUpdate(items.get(rnd.nextInt(items.size())));
      fx.clock.advance(FeedTiming.HOLD.plusSeconds(1));
      follow();
      if (rnd.nextInt(3) == 0) {
        hardDeleteOne();
      } else if (rnd.nextInt(3) == 0) {
        count("interleaved: retention");
        maintainer.maintenance().applyRetention(ctx);
      }
    }

    /** The follower reads the feed until it is caught up for now. */
    private void follow() {
      while (true) {
        ChangePage page = other.changes(ChangeQuery.builder().afterCv(followerAt).limit(5).build());
        followed.addAll(page.changes());
        followerAt = page.nextAfterCv();
        if (page.changes().isEmpty()) {
          return;
        }
      }
    }

    /** A hard delete of a seeded item (at most one per run, so the rest keep being written). */
    private void hardDeleteOne() {
      if (!hardDeleted.isEmpty()) {
        return;
      }
      String id = seededItems.get(rnd.nextInt(seededItems.size()));
      count("interleaved: hard delete");
      hardDeleted.add(id);
      maintainer.maintenance().hardDelete(ctx, id, HardDeleteOptions.confirmed());
    }

    /** Another writer or a reader, at some boundary of the victim's write. */
    private Runnable interleaving() {
      int kind = rnd.nextInt(5);
      String id = items.get(rnd.nextInt(items.size()));
      return switch (kind) {
        case 0 -> () -> {
          count("interleaved: writer");
          rivalUpdate(id);
        };
        case 1 -> () -> {
          count("interleaved: reader (getLatest)");
          fx.assertHeadNotDangling(ctx, id);
          other.getLatest(id, ReadOptions.builder().includeDeleted(true).build());
        };
        case 2 -> this::hardDeleteOne;
        case 3 -> () -> {
          count("interleaved: retention");
          maintainer.maintenance().applyRetention(ctx);
        };
        default -> () -> {
          count("interleaved: reader (listing)");
          for (ItemView v : other.listByMeta(MetaQuery.all(), ListOptions.builder().includeDeleted(true).build()).items()) {
            assertThat(v.data().path("m").isTextual()).isTrue();
          }
        };
      };
    }

    /** Whether the victim's acknowledged version was pruned since: its item kept newer ones only. */
    private boolean prunedSince(Op op, String target, String victimMarker) {
      Optional<Ack> ack = acks.stream().filter(a -> a.marker().equals(victimMarker)).findFirst();
      return ack.isPresent() && fx.history(ctx, ack.get().id()).stream().noneMatch(r -> r.ov() == ack.get().ov());
    }

    private void check(Op op, String target, String victimMarker, boolean victimAcked) {
      // Every item there is: the ones we know, and any a crashed create under a generated id left
      // (an object, or only a version when its payload is inline).
      Set<String> ids = new TreeSet<>(items);
      acks.forEach(ack -> ids.add(ack.id()));
      ids.addAll(fx.loggedItemIds(ctx));
      String prefix = StorageKeys.collectionPrefix(ctx);
      for (BlobInfo p : fx.payloads(ctx)) {
        String rest = p.key().substring(prefix.length());
        ids.add(rest.substring(0, rest.indexOf('/')));
      }

      // 1. No head points to nothing, before anyone repairs anything.
      ids.forEach(id -> fx.assertHeadNotDangling(ctx, id));

      // 2-4. Acknowledged writes are in; markers are unique; chains are gapless.
      Map<String, List<VersionRecord>> histories = new HashMap<>();
      Map<String, Integer> markerCount = new HashMap<>();
      int victimDeletes = 0;
      for (String id : ids) {
        List<VersionRecord> h = fx.history(ctx, id);
        histories.put(id, h);
        if (hardDeleted.contains(id)) {
          // A writer that died between appending into the emptied log and taking its version back
          // leaves that version without a head; the next access finishes the hard delete.
          assertThat(fx.head(ctx, id)).as("head of hard-deleted %s", id).isEmpty();
          if (!h.isEmpty()) {
            count("hard delete: a dead writer's version, removed by the next read");
          }
          assertThat(other.getLatest(id, ReadOptions.builder().includeDeleted(true).build())).isEmpty();
          h = fx.history(ctx, id);
          histories.put(id, h);
          assertThat(h).as("versions of hard-deleted %s after a read", id).isEmpty();
        }
        long oldestKept = h.isEmpty() ? 1 : h.get(0).ov();
        for (int i = 0; i < h.size(); i++) {
          assertThat(h.get(i).ov()).as("ov chain of %s", id).isEqualTo(oldestKept + i);
          VersionRecord v = h.get(i);
          JsonNode stored = fx.payload(ctx, v).orElseThrow(
              () -> new AssertionError("payload of " + id + " ov " + v.ov() + " is missing"));
          if (v.op() == Op.DELETE) {
            if (id.equals(target) && op == Op.DELETE) {
              victimDeletes++;
            }
          } else {
            markerCount.merge(stored.path("m").asText(), 1, Integer::sum);
          }
        }
      }
      for (Ack ack : acks) {
        if (hardDeleted.contains(ack.id())) {
          continue; // the hard delete won whole, as checked above
        }
        List<VersionRecord> h = histories.getOrDefault(ack.id(), List.of());
        assertThat(h).as("acknowledged %s", ack).isNotEmpty();
        long newest = h.get(h.size() - 1).ov();
        assertThat(newest).as("acknowledged %s", ack).isGreaterThanOrEqualTo(ack.ov());
        Optional<VersionRecord> kept = h.stream().filter(r -> r.ov() == ack.ov()).findFirst();
        if (kept.isEmpty()) {
          // Pruned by retention, which never takes an item's newest versions.
          assertThat(newest - ack.ov()).as("pruned %s", ack).isGreaterThanOrEqualTo(VERSIONS_KEPT);
          count("acknowledged writes pruned since (a newer version is kept)");
          continue;
        }
        VersionRecord v = kept.get();
        if (ack.op() == Op.DELETE) {
          assertThat(v.op()).isEqualTo(Op.DELETE);
        } else {
          assertThat(fx.payload(ctx, v).orElseThrow().path("m").asText()).as("acknowledged %s", ack)
              .isEqualTo(ack.marker());
        }
      }
      markerCount.forEach((m, n) -> assertThat(n).as("versions carrying write %s", m).isEqualTo(1));
      int victimVersions = op == Op.DELETE ? victimDeletes : markerCount.getOrDefault(victimMarker, 0);
      assertThat(victimVersions).isLessThanOrEqualTo(1);
      boolean victimGone = target != null && hardDeleted.contains(target) && op != Op.CREATE;
      if (victimAcked && !victimGone && !prunedSince(op, target, victimMarker)) {
        assertThat(victimVersions).isEqualTo(1);
      } else if (!victimAcked) {
        count(victimVersions == 1 ? "unacknowledged: fully visible" : "unacknowledged: absent");
      }

      // 5. The follower saw every version still in the log, once, in cv order (versions removed
      // before it got to them excepted), however late any write arrived.
      fx.clock.advance(FeedTiming.HOLD.plusSeconds(1));
      follow();
      assertThat(followed).extracting(Change::cv).as("cvs the follower saw").doesNotHaveDuplicates().isSorted();
      Map<Long, Change> seenByCv = new HashMap<>();
      followed.forEach(c -> seenByCv.put(c.cv(), c));
      for (VersionRecord v : fx.backend(ctx).versions().listByCv(ctx, 0, 10_000)) {
        Change seen = seenByCv.get(v.cv());
        assertThat(seen).as("the follower saw %s ov %d (cv %d)", v.key().objectId(), v.ov(), v.cv()).isNotNull();
        assertThat(seen.id()).isEqualTo(v.key().objectId());
        assertThat(seen.ov()).isEqualTo(v.ov());
      }

      // 6. verify repairs lagging heads (half the runs; reads do it in the others) and finds only orphans.
      boolean verifyFirst = rnd.nextBoolean();
      if (verifyFirst) {
        VerifyReport first = otherProcess.maintenance().verify(ctx);
        for (VerifyProblem p : first.problems()) {
          assertThat(p.kind()).as("%s", p).isIn(Kind.ORPHAN_PAYLOAD, Kind.HEAD_BEHIND, Kind.ORPHAN_VERSION);
          if (p.kind() != Kind.ORPHAN_PAYLOAD) {
            assertThat(p.detail()).contains("repaired");
            count("verify: repaired " + p.kind());
          }
        }
      }
      for (String id : ids) {
        List<VersionRecord> h = histories.get(id);
        if (h.isEmpty()) {
          continue;
        }
        long newest = h.get(h.size() - 1).ov();
        Optional<ItemView> latest = other.getLatest(id, ReadOptions.builder().includeDeleted(true).build());
        assertThat(latest.orElseThrow().ov()).isEqualTo(newest);
        assertThat(fx.head(ctx, id).orElseThrow().ov()).as("head of %s after a read", id).isEqualTo(newest);
      }
      VerifyReport report = otherProcess.maintenance().verify(ctx);
      assertThat(report.problems()).allSatisfy(p -> assertThat(p.kind()).as("%s", p).isEqualTo(Kind.ORPHAN_PAYLOAD));
      long orphans = report.problems().size();

      // 7. GC takes exactly the orphans, once.
      fx.clock.advance(GRACE.plusMinutes(1));
      GcResult gc = otherProcess.maintenance().collectGarbage(ctx, GRACE);
      assertThat(gc).isEqualTo(new GcResult(0, orphans));
      assertThat(otherProcess.maintenance().collectGarbage(ctx, GRACE)).isEqualTo(new GcResult(0, 0));
      assertThat(otherProcess.maintenance().verify(ctx).problems()).isEmpty();
      for (Ack ack : acks) {
        histories.getOrDefault(ack.id(), List.of()).stream().filter(r -> r.ov() == ack.ov()).findFirst()
            .ifPresent(v -> assertThat(fx.payload(ctx, v))
                .as("payload of acknowledged %s after GC", ack).isPresent());
      }
      if (orphans > 0) {
        count("gc: runs that collected orphans");
      }
      stats.computeIfAbsent("gc: orphan payloads collected", k -> new AtomicInteger()).addAndGet((int) orphans);
      count("invariant checks passed");
    }
  }
}
