package io.udm.app.faults;

import static io.udm.app.faults.FaultInjector.Action.CRASH_AFTER;
import static io.udm.app.faults.FaultInjector.Action.CRASH_BEFORE;
import static io.udm.app.faults.FaultInjector.Action.FAIL_AFTER;
import static io.udm.app.faults.FaultInjector.Action.FAIL_BEFORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.CreateResult;
import io.udm.api.GcResult;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UpdateResult;
import io.udm.api.VerifyProblem;
import io.udm.api.VerifyProblem.Kind;
import io.udm.api.VerifyReport;
import io.udm.api.WriteOptions;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.StorageException;
import io.udm.api.error.TxnException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.domain.keys.StorageKeys;
import io.udm.domain.write.SystemHeaders;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The commit protocol under faults, through the public API: roll-forward, garbage collection,
 * verify, idempotent writes, lost replies. Each wiring (memory; MongoDB + S3) runs it. Payloads go
 * to object storage here, so every step of the commit (upload, append, head) can fail; the crash
 * sweep, the chaos suite and {@link InlinePayloadSuite} cover payloads kept inside their records.
 */
public abstract class CommitFaultsSuite {
  protected static final Duration GRACE = Duration.ofHours(1);

  protected FaultFixture fx;
  protected RouteContext ctx;
  protected Udm victim;
  protected Udm rival;
  protected ItemOps ops;
  protected ItemOps other;

  /** A fresh fixture on the wiring under test (fresh stores, or shared servers: ctx is unique per test). */
  protected abstract FaultFixture newFixture();

  @BeforeEach
  void open() {
    fx = newFixture();
    ctx = RouteContext.of("f" + UUID.randomUUID().toString().substring(0, 8), "db", "notes");
    io.udm.api.config.UdmConfig objectPayloads = io.udm.api.config.UdmConfig.builder().from(fx.config)
        .storage(io.udm.app.PayloadLayouts.objectPayloads()).build();
    victim = fx.victim(objectPayloads);
    rival = fx.rival(objectPayloads);
    ops = victim.with(ctx);
    other = rival.with(ctx);
  }

  @AfterEach
  void close() {
    fx.faults.reset();
  }

  protected static Map<String, Object> doc(String text) {
    return Map.of("text", text);
  }

  protected String text(String id) {
    return other.getLatest(id).orElseThrow().data().path("text").asText();
  }

  protected List<Kind> kinds(VerifyReport report) {
    return report.problems().stream().map(VerifyProblem::kind).toList();
  }

  @Nested
  class RollForward {
    @Test
    void aWriterThatCrashedAfterItsAppendIsRolledForwardByTheNextRead() {
      String id = other.create(doc("one")).id();
      fx.faults.on("versions.append", 1, CRASH_AFTER);
      assertThatThrownBy(() -> ops.update(id, doc("two"))).isInstanceOf(SimulatedCrash.class);
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(1);
      fx.assertHeadNotDangling(ctx, id);

      assertThat(text(id)).isEqualTo("two");
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(2);
    }

    @Test
    void aCrashedCreateIsRolledForwardByTheNextWrite() {
      fx.faults.on("heads.insert", 1, CRASH_BEFORE);
      assertThatThrownBy(() -> ops.create(doc("one"), WriteOptions.builder().objectId("c1").build()))
          .isInstanceOf(SimulatedCrash.class);
      assertThat(fx.head(ctx, "c1")).isEmpty();

      assertThat(other.update("c1", doc("two"), WriteOptions.builder().expectedOv(1).build()).ov()).isEqualTo(2);
      assertThat(fx.head(ctx, "c1").orElseThrow().ov()).isEqualTo(2);
    }

    @Test
    void verifyReportsAndRepairsLaggingAndMissingHeadsForTheWholeCollection() {
      String a = other.create(doc("a")).id();
      String b = other.create(doc("b")).id();
      fx.faults.on("heads.compareAndSet", 1, CRASH_BEFORE);
      assertThatThrownBy(() -> ops.update(a, doc("a2"))).isInstanceOf(SimulatedCrash.class);
      fx.faults.on("heads.insert", 1, CRASH_BEFORE);
      assertThatThrownBy(() -> ops.create(doc("c"), WriteOptions.builder().objectId("c").build()))
          .isInstanceOf(SimulatedCrash.class);

      VerifyReport report = rival.maintenance().verify(ctx);
      assertThat(report.itemsChecked()).isEqualTo(3);
      assertThat(report.problems()).extracting(VerifyProblem::kind, VerifyProblem::itemId)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.HEAD_BEHIND, a),
              org.assertj.core.groups.Tuple.tuple(Kind.ORPHAN_VERSION, "c"));
      assertThat(report.problems()).allSatisfy(p -> assertThat(p.detail()).contains("repaired"));
      System.out.println("[verify] repair: " + report.problems());

      assertThat(fx.head(ctx, a).orElseThrow().ov()).isEqualTo(2);
      assertThat(fx.head(ctx, "c").orElseThrow().ov()).isEqualTo(1);
      assertThat(fx.head(ctx, b).orElseThrow().ov()).isEqualTo(1);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }
  }

  @Nested
  class GarbageCollection {
    @Test
    void aGraceBelowTheConfiguredFloorIsRefused() {
      assertThatThrownBy(() -> rival.maintenance().collectGarbage(ctx, GRACE.minusSeconds(1)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("limits.gcMinGraceSeconds")
          .hasMessageContaining("3600");
    }

    @Test
    void itRemovesWhatFailedAttemptsLeftAndNothingACommittedVersionReferences() {
      String id = other.create(doc("one")).id();
      other.update(id, doc("two"));
      // Three attempts that never committed: crash after upload, crash during compensation, lost upload reply.
      fx.faults.on("blobs.put", 1, CRASH_AFTER);
      assertThatThrownBy(() -> ops.update(id, doc("crashed"))).isInstanceOf(SimulatedCrash.class);
      fx.faults.reset();
      fx.faults.before("versions.append", 1, () -> other.update(id, doc("rival")));
      fx.faults.on("blobs.delete", 1, CRASH_BEFORE);
      assertThatThrownBy(() -> ops.update(id, doc("lost race"))).isInstanceOf(SimulatedCrash.class);
      fx.faults.reset();
      fx.faults.on("blobs.put", 1, FAIL_AFTER);
      assertThatThrownBy(() -> ops.create(doc("x"))).isInstanceOf(StorageException.class);
      fx.faults.reset();
      int payloadsBefore = fx.payloads(ctx).size();

      VerifyReport before = rival.maintenance().verify(ctx);
      assertThat(kinds(before)).containsExactly(Kind.ORPHAN_PAYLOAD, Kind.ORPHAN_PAYLOAD, Kind.ORPHAN_PAYLOAD);
      assertThat(rival.maintenance().collectGarbage(ctx, GRACE)).isEqualTo(new GcResult(0, 0));

      fx.clock.advance(GRACE.plusMinutes(1));
      GcResult first = rival.maintenance().collectGarbage(ctx, GRACE);
      GcResult second = rival.maintenance().collectGarbage(ctx, GRACE);
      System.out.printf("[gc] payloads before %d, first run %s, second run %s%n", payloadsBefore, first, second);
      assertThat(first).isEqualTo(new GcResult(0, 3));
      assertThat(second).isEqualTo(new GcResult(0, 0));
      assertThat(fx.payloads(ctx)).hasSize(payloadsBefore - 3);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
      for (long ov = 1; ov <= 3; ov++) {
        assertThat(other.getVersion(id, ov, io.udm.api.ReadOptions.defaults())).isPresent();
      }
      assertThat(text(id)).isEqualTo("rival");
    }

    @Test
    void aWriterParkedBetweenUploadAndCommitKeepsItsPayloadThroughGc() throws Exception {
      String id = other.create(doc("one")).id();
      CountDownLatch parked = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      fx.faults.after("blobs.put", 1, () -> park(parked, release));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<UpdateResult> writer = pool.submit(() -> ops.update(id, doc("parked")));
        assertThat(parked.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(kinds(rival.maintenance().verify(ctx))).containsExactly(Kind.ORPHAN_PAYLOAD);
        GcResult gc = rival.maintenance().collectGarbage(ctx, GRACE);
        System.out.println("[gc] with a writer parked after its upload: " + gc);
        assertThat(gc.orphanObjects()).isZero();
        release.countDown();

        assertThat(writer.get(30, TimeUnit.SECONDS).ov()).isEqualTo(2);
      } finally {
        release.countDown();
        pool.shutdownNow();
      }
      assertThat(text(id)).isEqualTo("parked");
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }

    @Test
    void aWriterParkedLongerThanTheGraceIsRefusedInsteadOfCommittingAPayloadGcTook() throws Exception {
      String id = other.create(doc("one")).id();
      CountDownLatch parked = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      fx.faults.after("blobs.put", 1, () -> park(parked, release));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<UpdateResult> writer = pool.submit(() -> ops.update(id, doc("parked")));
        assertThat(parked.await(30, TimeUnit.SECONDS)).isTrue();
        fx.clock.advance(GRACE.multipliedBy(2));
        assertThat(rival.maintenance().collectGarbage(ctx, GRACE).orphanObjects()).isEqualTo(1);
        release.countDown();

        assertThatThrownBy(() -> writer.get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(TxnException.class)
            .hasMessageContaining("gcMinGraceSeconds");
      } finally {
        release.countDown();
        pool.shutdownNow();
      }
      assertThat(fx.history(ctx, id)).hasSize(1);
      fx.assertHeadNotDangling(ctx, id);
      assertThat(text(id)).isEqualTo("one");
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }
  }

  protected static void park(CountDownLatch parked, CountDownLatch release) {
    parked.countDown();
    try {
      if (!release.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the parked writer was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class Verify {
    @Test
    void aHealthyCollectionVerifiesClean() {
      for (int i = 0; i < 5; i++) {
        String id = other.create(doc("v" + i)).id();
        other.update(id, doc("w" + i));
      }
      VerifyReport report = rival.maintenance().verify(ctx);
      assertThat(report.itemsChecked()).isEqualTo(5);
      assertThat(report.problems()).isEmpty();
    }

    @Test
    void damageDoneBehindUdmsBackIsReportedKindByKind() {
      var backend = fx.backend(ctx);
      String gap = other.create(doc("g1")).id();
      other.update(gap, doc("g2"));
      other.update(gap, doc("g3"));
      backend.versions().delete(ItemKey.of(ctx, gap), List.of(2L));

      String lostPayload = other.create(doc("p1")).id();
      other.update(lostPayload, doc("p2"));
      String oldPayload = fx.history(ctx, lostPayload).get(0).payloadKey();
      backend.blobs().delete(BlobArea.JSON, oldPayload);

      String danglingVersion = other.create(doc("d1")).id();
      other.update(danglingVersion, doc("d2"));
      backend.versions().delete(ItemKey.of(ctx, danglingVersion), List.of(2L));

      String danglingPayload = other.create(doc("q1")).id();
      backend.blobs().delete(BlobArea.JSON, fx.head(ctx, danglingPayload).orElseThrow().payloadKey());

      String orphan = other.create(doc("o1")).id();
      String strayKey = StorageKeys.payload(ItemKey.of(ctx, orphan), 2, "stray");
      backend.blobs().put(BlobArea.JSON, strayKey, "{}".getBytes(), "application/json");

      String behind = other.create(doc("b1")).id();
      appendBehindTheHeadsBack(behind, "b2");

      String noHead = other.create(doc("n1")).id();
      backend.heads().delete(ItemKey.of(ctx, noHead));

      String healthy = other.create(doc("h1")).id();

      VerifyReport report = rival.maintenance().verify(ctx);
      report.problems().forEach(p -> System.out.println("[verify] " + p.kind() + " " + p.itemId() + ": " + p.detail()));
      assertThat(report.itemsChecked()).isEqualTo(8);
      Map<String, List<Kind>> byItem = report.problems().stream()
          .collect(Collectors.groupingBy(VerifyProblem::itemId, Collectors.mapping(VerifyProblem::kind, Collectors.toList())));
      assertThat(byItem.get(gap)).containsExactlyInAnyOrder(Kind.OV_GAP, Kind.ORPHAN_PAYLOAD);
      assertThat(byItem.get(lostPayload)).containsExactly(Kind.MISSING_PAYLOAD);
      assertThat(byItem.get(danglingVersion)).containsExactly(Kind.DANGLING_HEAD);
      assertThat(byItem.get(danglingPayload)).containsExactlyInAnyOrder(Kind.MISSING_PAYLOAD, Kind.DANGLING_HEAD);
      assertThat(byItem.get(orphan)).containsExactly(Kind.ORPHAN_PAYLOAD);
      assertThat(byItem.get(behind)).containsExactly(Kind.HEAD_BEHIND);
      assertThat(byItem.get(noHead)).containsExactly(Kind.ORPHAN_VERSION);
      assertThat(byItem).doesNotContainKey(healthy);
      assertThat(report.problems()).allSatisfy(p -> assertThat(p.detail()).isNotBlank());

      // Roll-forward repairs are done; the rest stays reported until someone fixes it.
      List<Kind> after = kinds(rival.maintenance().verify(ctx));
      assertThat(after).doesNotContain(Kind.HEAD_BEHIND, Kind.ORPHAN_VERSION).hasSize(report.problems().size() - 2);
      assertThat(text(behind)).isEqualTo("b2");
      assertThat(text(noHead)).isEqualTo("n1");
    }
  }

  /** Appends a version record (with its payload) without moving the head: a writer that died just after its append. */
  protected VersionRecord appendBehindTheHeadsBack(String id, String text) {
    var backend = fx.backend(ctx);
    ItemKey key = ItemKey.of(ctx, id);
    VersionRecord latest = backend.versions().latest(key).orElseThrow();
    var header = SystemHeaders.updated(latest.system(), latest.at().plusSeconds(1));
    String payloadKey = StorageKeys.payload(key, latest.ov() + 1, "crashed-" + id);
    byte[] payload = JsonValues.toBytes(SystemHeaders.storedDocument(JsonValues.fromMap(doc(text)), header));
    backend.blobs().put(BlobArea.JSON, payloadKey, payload, "application/json");
    VersionRecord v = new VersionRecord(key, latest.ov() + 1, backend.sequences().next(ctx), header.updatedAt(),
        io.udm.api.Op.UPDATE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        "crashed-" + id, payloadKey, payload.length, JsonValues.NODES.objectNode(), header, List.of());
    backend.versions().append(v);
    return v;
  }

  @Nested
  class Idempotency {
    @Test
    void aRequestReplayedThreeTimesWritesOneVersionAndReturnsTheFirstResult() {
      WriteOptions create = WriteOptions.builder().requestId("r-create").build();
      CreateResult first = ops.create(doc("one"), create);
      for (int i = 0; i < 3; i++) {
        assertThat(ops.create(doc("one"), create)).isEqualTo(first);
      }
      WriteOptions update = WriteOptions.builder().requestId("r-update").expectedOv(1).build();
      UpdateResult u = ops.update(first.id(), doc("two"), update);
      for (int i = 0; i < 3; i++) {
        assertThat(ops.update(first.id(), doc("two"), update)).isEqualTo(u);
      }
      assertThat(fx.history(ctx, first.id())).hasSize(2);
      assertThat(fx.payloads(ctx)).hasSize(2);
    }

    @Test
    void aReplayAfterACrashBetweenTheEffectAndTheReplyReturnsTheFirstResult() {
      String id = other.create(doc("one")).id();
      WriteOptions opts = WriteOptions.builder().requestId("r-crash").build();
      fx.faults.on("versions.append", 1, CRASH_AFTER);
      assertThatThrownBy(() -> ops.update(id, doc("two"), opts)).isInstanceOf(SimulatedCrash.class);
      VersionRecord committed = fx.history(ctx, id).get(1);

      List<UpdateResult> replies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        replies.add(other.update(id, doc("two"), opts));
      }
      assertThat(replies).containsOnly(new UpdateResult(id, 2, committed.cv(), committed.at()));
      assertThat(fx.history(ctx, id)).hasSize(2);
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(2);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }

    @Test
    void aCreateUnderAGeneratedIdReplaysToTheSameItem() {
      WriteOptions opts = WriteOptions.builder().requestId("r-gen").build();
      fx.faults.on("heads.insert", 1, CRASH_BEFORE);
      assertThatThrownBy(() -> ops.create(doc("one"), opts)).isInstanceOf(SimulatedCrash.class);
      CreateResult first = other.create(doc("one"), opts);
      assertThat(other.create(doc("one"), opts)).isEqualTo(first);
      assertThat(fx.payloads(ctx)).hasSize(1);
      assertThat(fx.head(ctx, first.id()).orElseThrow().ov()).isEqualTo(1);
    }

    @Test
    void theSameRequestIdWithADifferentPayloadIsRejectedClearly() {
      String id = other.create(doc("one")).id();
      other.update(id, doc("two"), WriteOptions.builder().requestId("r-x").build());
      assertThatThrownBy(() -> other.update(id, doc("three"), WriteOptions.builder().requestId("r-x").build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("r-x")
          .hasMessageContaining("already used for a different request");
      assertThatThrownBy(() -> other.create(doc("two"), WriteOptions.builder().requestId("r-x").build()))
          .isInstanceOf(ValidationException.class);
      assertThat(fx.history(ctx, id)).hasSize(2);
    }
  }

  @Nested
  class SlowStores {
    @Test
    void writersOnSlowStoresRacingFastOnesLoseNoAcknowledgedWrite() throws Exception {
      String id = other.create(doc("start")).id();
      for (String op : List.of("blobs.put", "versions.append", "heads.compareAndSet", "versions.latest",
          "versions.findAll")) {
        fx.faults.latency(op, Duration.ofMillis(2));
      }
      List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (ItemOps writer : List.of(ops, other)) {
          String name = writer == ops ? "slow" : "fast";
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 20; i++) {
              try {
                writer.update(id, doc(name + i));
                acknowledged.add(name + i);
              } catch (OptimisticLockException lost) {
                // lost the race at the append: compensated, not acknowledged
              } catch (RuntimeException e) {
                unexpected.add(e);
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(2, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(unexpected).isEmpty();
      List<VersionRecord> history = fx.history(ctx, id);
      assertThat(history).hasSize(acknowledged.size() + 1);
      List<String> texts = history.stream().skip(1)
          .map(v -> fx.payload(ctx, v).orElseThrow().path("text").asText()).toList();
      assertThat(texts).containsExactlyInAnyOrderElementsOf(acknowledged);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }
  }

  @Nested
  class AmbiguousOutcomes {
    @Test
    void anAppendWhoseReplyIsLostIsReconciledNotDuplicatedNorCompensated() {
      String id = other.create(doc("one")).id();
      fx.faults.on("versions.append", 1, FAIL_AFTER);
      UpdateResult r = ops.update(id, doc("two"));
      assertThat(r.ov()).isEqualTo(2);
      assertThat(fx.history(ctx, id)).hasSize(2);
      assertThat(text(id)).isEqualTo("two");
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }

    @Test
    void anAppendThatFailedBeforeItsEffectIsRetriedOnce() {
      String id = other.create(doc("one")).id();
      fx.faults.on("versions.append", 1, FAIL_BEFORE);
      assertThat(ops.update(id, doc("two")).ov()).isEqualTo(2);
      assertThat(fx.history(ctx, id)).hasSize(2);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }

    @Test
    void whenTheOutcomeCannotBeToldThePayloadIsKeptAndTheRetryAppliesItOnce() {
      String id = other.create(doc("one")).id();
      WriteOptions opts = WriteOptions.builder().requestId("r-amb").build();
      fx.faults.on("versions.append", 1, FAIL_AFTER).on("versions.find", 1, FAIL_BEFORE);
      assertThatThrownBy(() -> ops.update(id, doc("two"), opts))
          .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue())
          .hasMessageContaining("same requestId");
      fx.assertHeadNotDangling(ctx, id);
      assertThat(text(id)).isEqualTo("two");

      UpdateResult retried = ops.update(id, doc("two"), opts);
      assertThat(retried.ov()).isEqualTo(2);
      assertThat(fx.history(ctx, id)).hasSize(2);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }

    @Test
    void aHeadMoveWhoseReplyIsLostDoesNotAdvanceTheHeadTwice() {
      String id = other.create(doc("one")).id();
      fx.faults.on("heads.compareAndSet", 1, FAIL_AFTER);
      assertThat(ops.update(id, doc("two")).ov()).isEqualTo(2);
      HeadRecord head = fx.head(ctx, id).orElseThrow();
      assertThat(head.ov()).isEqualTo(2);
      assertThat(ops.update(id, doc("three")).ov()).isEqualTo(3);
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(1L, 2L, 3L);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }

    @Test
    void anUploadWhoseReplyIsLostFailsTheWriteAndLeavesOnlyGarbage() {
      String id = other.create(doc("one")).id();
      fx.faults.on("blobs.put", 1, FAIL_AFTER);
      assertThatThrownBy(() -> ops.update(id, doc("two"))).isInstanceOf(StorageException.class);
      assertThat(text(id)).isEqualTo("one");
      assertThat(kinds(rival.maintenance().verify(ctx))).containsExactly(Kind.ORPHAN_PAYLOAD);
      fx.clock.advance(GRACE.plusSeconds(1));
      assertThat(rival.maintenance().collectGarbage(ctx, GRACE).orphanObjects()).isEqualTo(1);
      assertThat(rival.maintenance().verify(ctx).ok()).isTrue();
    }
  }
}
