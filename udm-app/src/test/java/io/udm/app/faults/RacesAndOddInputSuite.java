package io.udm.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CounterQuery;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.MetaQuery;
import io.udm.api.Op;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.CounterRule;
import io.udm.api.config.CounterRulesConfig;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.RuleScope;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.app.TestUdms;
import io.udm.domain.keys.StorageKeys;
import io.udm.domain.restore.RestoreCheckpoint;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Operations that race each other at the exact moment that used to damage an item (the fault
 * decorators' hooks run the rival operation there), and input that used to get through on one
 * wiring and not the other. Each wiring (memory; MongoDB + S3) runs it.
 */
public abstract class RacesAndOddInputSuite {
  private static final String ADDRESSES = "places";

  protected FaultFixture fx;
  private RouteContext ctx;
  private UdmConfig config;
  private Udm victim;
  private Udm rival;
  private ItemOps ops;
  private ItemOps other;

  /** A fresh fixture on the wiring under test (fresh stores, or shared servers: ctx is unique per test). */
  protected abstract FaultFixture newFixture();

  @BeforeEach
  void open() {
    fx = newFixture();
    ctx = RouteContext.of("r" + UUID.randomUUID().toString().substring(0, 8), "db", ADDRESSES);
    config = UdmConfig.builder()
        .hardDeleteEnabled(true)
        .retention(RetentionConfig.builder().ver(VersionRetention.builder().maxPerItem(1).build()).build())
        .putCollectionMaps(ADDRESSES, CollectionMap.builder().addIndexedProps("address", "n", "score").build())
        .counterRules(CounterRulesConfig.builder().addRules(CounterRule.builder().name("inX")
            .when(JsonValues.fromMap(Map.of("address", Map.of("zip", "1", "city", "X"))))
            .on(List.of(Op.CREATE, Op.UPDATE, Op.DELETE)).scope(RuleScope.META).build()).build())
        .build();
    victim = TestUdms.open(config, fx.faulty, fx.clock, fx.ids);
    rival = TestUdms.open(config, fx.raw, fx.clock, fx.ids);
    ops = victim.with(ctx);
    other = rival.with(ctx);
  }

  @AfterEach
  void close() {
    fx.faults.reset();
  }

  private static Map<String, Object> doc(String text) {
    return Map.of("text", text);
  }

  private String itemWithVersions(int versions) {
    String id = other.create(doc("v1")).id();
    for (int v = 2; v <= versions; v++) {
      other.update(id, doc("v" + v));
    }
    return id;
  }

  private void hardDelete(String id) {
    rival.maintenance().hardDelete(ctx, id, HardDeleteOptions.confirmed());
  }

  private List<BlobInfo> objectsOf(String id) {
    String prefix = StorageKeys.itemPrefix(ItemKey.of(ctx, id));
    return fx.payloads(ctx).stream().filter(b -> b.key().startsWith(prefix)).toList();
  }

  /** Nothing of the item is left anywhere, and the collection is healthy. */
  private void assertGoneWithoutTrace(String id) {
    assertThat(fx.head(ctx, id)).as("head").isEmpty();
    assertThat(fx.history(ctx, id)).as("versions").isEmpty();
    assertThat(objectsOf(id)).as("payloads").isEmpty();
    assertThat(other.getLatest(id)).isEmpty();
    assertThat(rival.maintenance().verify(ctx).problems()).isEmpty();
    assertThat(rival.counters().getTotals(CounterQuery.of(ctx.tenantId(), ctx.dbName(), ctx.collection())).live())
        .isZero();
  }

  @Nested
  class HardDeleteRacingAWriter {
    @Test
    void aHardDeleteBetweenTheWritersUploadAndItsAppendWinsWholeAndTheWriterFails() {
      String id = itemWithVersions(3);
      // The writer has read ov 3 and uploaded ov 4's payload; the hard delete runs to the end.
      fx.faults.before("versions.append", 1, () -> hardDelete(id));

      assertThatThrownBy(() -> ops.update(id, doc("v4"))).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("hard-deleted");
      assertGoneWithoutTrace(id);
    }

    @Test
    void aHardDeleteBetweenTheWritersAppendAndItsHeadMoveWinsWholeAndTheWriterFails() {
      String id = itemWithVersions(3);
      fx.faults.before("heads.compareAndSet", 1, () -> hardDelete(id));

      assertThatThrownBy(() -> ops.update(id, doc("v4"))).isInstanceOf(NotFoundException.class);
      assertGoneWithoutTrace(id);
    }

    @Test
    void aWriterThatDiesAfterAppendingIntoTheEmptiedLogLeavesNothingTheNextAccessKeeps() {
      String id = itemWithVersions(3);
      fx.faults.before("versions.append", 1, () -> hardDelete(id));
      fx.faults.on("versions.append", 1, FaultInjector.Action.CRASH_AFTER);
      WriteOptions once = WriteOptions.builder().requestId("dies").build();
      assertThatThrownBy(() -> ops.update(id, doc("v4"), once)).isInstanceOf(SimulatedCrash.class);
      assertThat(fx.head(ctx, id)).isEmpty();
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(4L);

      // The restarted process retries: the hard delete still wins.
      assertThatThrownBy(() -> other.update(id, doc("v4"), once)).isInstanceOf(NotFoundException.class);
      assertThat(other.getLatest(id)).isEmpty();
      assertGoneWithoutTrace(id);
    }

    /**
     * A reader stalled past the hard delete puts the head back (a head that points at nothing). A
     * process that has not seen the collection's hard delete reads that head alone; its cv draw
     * says the collection had one, so it checks the head against the log and finds the item gone.
     */
    @Test
    void aHeadPutBackAfterAHardDeleteIsNeverWrittenOnByAProcessThatMissedTheHardDelete() {
      String id = itemWithVersions(3);
      HeadRecord head = fx.head(ctx, id).orElseThrow();
      hardDelete(id);
      fx.backend(ctx).heads().insert(head);

      assertThatThrownBy(() -> ops.update(id, doc("v4"), WriteOptions.builder().expectedOv(3).build()))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> ops.update(id, doc("v4"))).isInstanceOf(NotFoundException.class);
      assertGoneWithoutTrace(id);
      // The collection's other items are written as before.
      String kept = itemWithVersions(2);
      assertThat(ops.update(kept, doc("v3"), WriteOptions.builder().expectedOv(2).build()).ov()).isEqualTo(3);
    }

    @Test
    void theIdOfAHardDeletedItemCanBeCreatedAgainAfterARace() {
      String id = itemWithVersions(3);
      fx.faults.before("versions.append", 1, () -> hardDelete(id));
      assertThatThrownBy(() -> ops.update(id, doc("v4"))).isInstanceOf(NotFoundException.class);

      assertThat(other.create(doc("again"), WriteOptions.builder().objectId(id).build()).ov()).isEqualTo(1);
      assertThat(other.getLatest(id).orElseThrow().data().path("text").asText()).isEqualTo("again");
      assertThat(rival.maintenance().verify(ctx).problems()).isEmpty();
    }

    @Test
    void aHeadLeftWithoutVersionsDoesNotBlockCreatingTheIdAgain() {
      String id = itemWithVersions(3);
      ItemKey key = ItemKey.of(ctx, id);
      // What a reader rolling the head forward during a hard delete used to leave: a head, no versions.
      fx.backend(ctx).versions().delete(key, List.of(1L, 2L, 3L));
      fx.backend(ctx).blobs().deleteAll(BlobArea.JSON, objectsOf(id).stream().map(BlobInfo::key).toList());

      assertThat(other.create(doc("again"), WriteOptions.builder().objectId(id).build()).ov()).isEqualTo(1);
      assertThat(other.listByMeta(MetaQuery.all()).items()).extracting(v -> v.data().path("text").asText())
          .containsExactly("again");
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(1);
      assertThat(rival.maintenance().verify(ctx).problems()).isEmpty();
    }
  }

  @Nested
  class RetentionAndLaggingHeads {
    /** A writer dies between its append and its head move: ov 2 is committed, the head says ov 1. */
    private String itemWithALaggingHead() {
      String id = other.create(doc("v1")).id();
      fx.faults.on("heads.compareAndSet", 1, FaultInjector.Action.CRASH_BEFORE);
      assertThatThrownBy(() -> ops.update(id, doc("v2"))).isInstanceOf(SimulatedCrash.class);
      fx.faults.reset();
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(1);
      return id;
    }

    @Test
    void anUpdateExpectingTheVersionALaggingHeadMissedIsApplied() {
      String id = itemWithALaggingHead();

      assertThat(other.update(id, doc("v3"), WriteOptions.builder().expectedOv(2).build()).ov()).isEqualTo(3);
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(3);
    }

    @Test
    void anUpdateExpectingTheLaggingHeadsVersionIsStaleAndTheHeadRollsForward() {
      String id = itemWithALaggingHead();

      assertThatThrownBy(() -> other.update(id, doc("v3"), WriteOptions.builder().expectedOv(1).build()))
          .isInstanceOfSatisfying(io.udm.api.error.OptimisticLockException.class, e -> {
            assertThat(e.expectedOv()).isEqualTo(1);
            assertThat(e.actualOv()).isEqualTo(2);
          });
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(2);
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(1L, 2L);
    }

    @Test
    void anUnconditionalWriteOnALaggingHeadBuildsOnTheVersionItMissed() {
      String id = itemWithALaggingHead();

      assertThat(other.enrich(id, JsonValues.parseObject("{\"score\": 1}"),
          io.udm.api.EnrichOptions.builder().functionId("f@1").build()).ov()).isEqualTo(3);
      assertThat(other.getLatest(id).orElseThrow().data().path("text").asText()).as("merged into v2, not v1")
          .isEqualTo("v2");
    }

    @Test
    void retentionRollsALaggingHeadForwardBeforePruningSoListingsKeepWorking() {
      String id = other.create(doc("v1")).id();
      // The writer dies between its append and its head move: committed, the head still says ov 1.
      fx.faults.on("heads.compareAndSet", 1, FaultInjector.Action.CRASH_BEFORE);
      assertThatThrownBy(() -> ops.update(id, doc("v2"))).isInstanceOf(SimulatedCrash.class);
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(1);

      rival.maintenance().applyRetention(ctx);

      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(2L);
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(2);
      assertThat(other.listByMeta(MetaQuery.all()).items()).extracting(v -> v.data().path("text").asText())
          .containsExactly("v2");
    }

    @Test
    void aListingRollsForwardAHeadWhoseVersionWasPrunedBehindItsBack() {
      // The head's payload object is gone with its version: the listing cannot read it and repairs. (A
      // payload kept in the head is still there, and the listing serves it as a lagging head's.)
      ItemOps objectOther = objectPayloads(fx.raw).with(ctx);
      String id = objectOther.create(doc("v1")).id();
      fx.faults.on("heads.compareAndSet", 1, FaultInjector.Action.CRASH_BEFORE);
      assertThatThrownBy(() -> objectPayloads(fx.faulty).with(ctx).update(id, doc("v2")))
          .isInstanceOf(SimulatedCrash.class);
      VersionRecord first = fx.history(ctx, id).get(0);
      fx.backend(ctx).versions().delete(first.key(), List.of(1L));
      fx.backend(ctx).blobs().delete(BlobArea.JSON, first.payloadKey());

      assertThat(objectOther.listByMeta(MetaQuery.all()).items()).extracting(ItemView::ov).containsExactly(2L);
      assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(2);
    }

    @Test
    void anItemThatCannotBeReadFailsItsListingNamingItAndTheRepair() {
      ItemOps objectOther = objectPayloads(fx.raw).with(ctx);
      String id = objectOther.create(doc("v1")).id();
      fx.backend(ctx).blobs().delete(BlobArea.JSON, fx.history(ctx, id).get(0).payloadKey());

      assertThatThrownBy(() -> objectOther.listByMeta(MetaQuery.all())).isInstanceOf(StorageException.class)
          .hasMessageContaining(id).hasMessageContaining("maintenance().verify");
    }

    /** A process whose payloads all go to object storage, where they can go missing. */
    private Udm objectPayloads(io.udm.app.StoragePorts ports) {
      return TestUdms.open(UdmConfig.builder().from(config).storage(io.udm.app.PayloadLayouts.objectPayloads()).build(),
          ports, fx.clock, fx.ids);
    }
  }

  /**
   * An update of an item this process wrote or read last (with expectedOv of that head, or with
   * none of a head it wrote) builds on the head it remembers, with no read: whatever another process did since must still make it stale, never a
   * version appended on a past that is gone.
   */
  @Nested
  class RememberedHeads {
    private final WriteOptions expectTwo = WriteOptions.builder().expectedOv(2).build();

    @Test
    void aNewerVersionFromAnotherProcessMakesTheRememberedHeadStale() {
      String id = ops.create(doc("v1")).id();
      ops.update(id, doc("v2"));
      other.update(id, doc("v3 elsewhere"));

      assertThatThrownBy(() -> ops.update(id, doc("v3 here"), expectTwo))
          .isInstanceOfSatisfying(io.udm.api.error.OptimisticLockException.class, e -> {
            assertThat(e.expectedOv()).isEqualTo(2);
            assertThat(e.actualOv()).isEqualTo(3);
          });
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anUpdateOfAnItemThisProcessWroteLastTakesNoRead() {
      String id = ops.create(doc("v1")).id();
      Calls calls = new Calls();

      assertThat(ops.update(id, doc("v2")).ov()).isEqualTo(2);

      assertThat(calls.since()).as("cv draw, append, head move").isEqualTo(Map.of(
          "sequences.next", 1, "versions.append", 1, "heads.compareAndSet", 1));
    }

    @Test
    void anUpdateAfterAnotherProcessWroteReadsTheHeadOnceItsDrawShowsAnotherDrawer() {
      String id = ops.create(doc("v1")).id();
      other.update(id, doc("v2 elsewhere"));
      Calls calls = new Calls();

      assertThat(ops.update(id, doc("v3 here")).ov()).isEqualTo(3);

      // The cv drawn before the head was read is the one appended with: four requests, none wasted.
      assertThat(calls.since()).isEqualTo(Map.of(
          "sequences.next", 1, "heads.find", 1, "versions.append", 1, "heads.compareAndSet", 1));
      assertThat(other.getLatest(id).orElseThrow().data().path("text").asText()).isEqualTo("v3 here");
    }

    @Test
    void aCvDrawnBeforeTheHeadWasReadIsNotUsedWhenThatHeadIsNewerThanIt() {
      String id = ops.create(doc("v1")).id();
      other.update(id, doc("v2 elsewhere"));
      // This process's draw shows the other drawer; before it reads the head, the other process
      // writes again, with a later cv. Appending with the earlier cv would list ov 4 before ov 3.
      fx.faults.after("sequences.next", fx.faults.calls("sequences.next") + 1,
          () -> other.update(id, doc("v3 elsewhere")));

      assertThat(ops.update(id, doc("v4 here")).ov()).isEqualTo(4);

      List<VersionRecord> history = fx.history(ctx, id);
      assertThat(history).extracting(VersionRecord::ov).containsExactly(1L, 2L, 3L, 4L);
      assertThat(history).extracting(VersionRecord::cv).as("in ov order").isSorted();
    }

    @Test
    void aDrawOfThisProcessStillUnderWayVouchesForNothing() {
      String id = ops.create(doc("v1")).id();
      String another = ops.create(doc("another item")).id();
      // Another process writes the item; then this process's next draw (for another item) is held
      // after the counter answered it, and before this process has read that answer: the one reply
      // that tells of the other drawer. An update of the item meanwhile must not trust its memory.
      other.update(id, doc("v2 elsewhere"));
      Calls[] whileHeld = new Calls[1];
      int[] heldOv = new int[1];
      fx.faults.after("sequences.next", fx.faults.calls("sequences.next") + 1, () -> {
        whileHeld[0] = new Calls();
        heldOv[0] = (int) ops.update(id, doc("v3 here")).ov();
        whileHeld[0] = whileHeld[0].frozen();
      });

      ops.update(another, doc("another v2"));

      assertThat(heldOv[0]).isEqualTo(3);
      assertThat(whileHeld[0].since()).as("no append on a stale head").containsEntry("versions.append", 1)
          .containsEntry("heads.find", 1);
    }

    @Test
    void anUnconditionalEnrichOnAStaleRememberedHeadMergesIntoTheNewerVersion() {
      String id = ops.create(doc("v1")).id();
      ops.update(id, doc("v2"));
      other.update(id, doc("v3 elsewhere"));

      assertThat(ops.enrich(id, JsonValues.parseObject("{\"score\": 1}"),
          io.udm.api.EnrichOptions.builder().functionId("f@1").build()).ov()).isEqualTo(4);
      assertThat(other.getLatest(id).orElseThrow().data().path("text").asText()).as("merged into v3, not v2")
          .isEqualTo("v3 elsewhere");
    }

    @Test
    void anUnconditionalUpdateNeverWritesAGhostAtAnOvRetentionFreed() {
      String id = ops.create(doc("v1")).id();
      ops.update(id, doc("v2"));
      for (int v = 3; v <= 6; v++) {
        other.update(id, doc("v" + v));
      }
      // Keeps one version per item: ov 3 to 5 are free again in the log, below the head at 6.
      rival.maintenance().applyRetention(ctx);

      assertThat(ops.update(id, doc("v7 here")).ov()).isEqualTo(7);
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(6L, 7L);
    }

    /** The write path's port calls of this process (the victim) from now on, by name. */
    private final class Calls {
      private final Map<String, Integer> start = counts();
      private Map<String, Integer> frozenAt;

      Calls frozen() {
        frozenAt = counts();
        return this;
      }

      Map<String, Integer> since() {
        Map<String, Integer> now = frozenAt != null ? frozenAt : counts();
        Map<String, Integer> out = new java.util.TreeMap<>();
        now.forEach((op, n) -> {
          int d = n - start.getOrDefault(op, 0);
          if (d > 0) {
            out.put(op, d);
          }
        });
        return out;
      }

      private Map<String, Integer> counts() {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (String op : List.of("sequences.next", "heads.find", "versions.append", "versions.find", "versions.latest",
            "heads.compareAndSet", "heads.insert")) {
          out.put(op, fx.faults.calls(op));
        }
        return out;
      }
    }

    @Test
    void anOvRetentionFreedBelowTheHeadIsNeverWrittenAgain() {
      String id = ops.create(doc("v1")).id();
      ops.update(id, doc("v2"));
      for (int v = 3; v <= 6; v++) {
        other.update(id, doc("v" + v));
      }
      // Keeps one version per item: ov 3 to 5 are free again in the log, below the head at 6.
      rival.maintenance().applyRetention(ctx);
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(6L);

      assertThatThrownBy(() -> ops.update(id, doc("a ghost at ov 3"), expectTwo))
          .isInstanceOfSatisfying(io.udm.api.error.OptimisticLockException.class, e -> {
            assertThat(e.expectedOv()).isEqualTo(2);
            assertThat(e.actualOv()).isEqualTo(6);
          });
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(6L);
    }

    @Test
    void anItemHardDeletedAndCreatedAgainElsewhereIsWrittenOnItsNewPast() {
      String id = ops.create(doc("v1")).id();
      ops.update(id, doc("v2"));
      hardDelete(id);
      fx.clock.advance(java.time.Duration.ofMinutes(5));
      other.create(doc("again v1"), WriteOptions.builder().objectId(id).build());
      other.update(id, doc("again v2"));
      java.time.Instant bornAgain = other.getLatest(id).orElseThrow().system().insertedAt();

      assertThat(ops.update(id, doc("again v3"), expectTwo).ov()).isEqualTo(3);

      assertThat(other.getLatest(id).orElseThrow().system().insertedAt()).as("the new item's past")
          .isEqualTo(bornAgain);
    }

    @Test
    void aHeadThisProcessReadIsRememberedAndAnotherProcessesWriteStillMakesItStale() {
      String id = other.create(doc("v1")).id();
      other.update(id, doc("v2"));
      // This process has drawn a cv in the collection, so a head it reads can be remembered.
      ops.create(doc("another item"));
      assertThat(ops.getLatest(id).orElseThrow().ov()).isEqualTo(2);
      other.update(id, doc("v3 elsewhere"));

      assertThatThrownBy(() -> ops.update(id, doc("v3 here"), expectTwo))
          .isInstanceOf(io.udm.api.error.OptimisticLockException.class);
      assertThat(ops.update(id, doc("v4 here"), WriteOptions.builder().expectedOv(3).build()).ov()).isEqualTo(4);
    }
  }

  @Nested
  class RequestIdsAfterRetention {
    @Test
    void aCreateReplayedAfterRetentionPrunedItsVersionReturnsTheFirstResult() {
      WriteOptions once = WriteOptions.builder().requestId("create-1").build();
      var first = other.create(doc("v1"), once); // imagine its reply was lost
      other.update(first.id(), doc("v2"));
      other.update(first.id(), doc("v3"));
      rival.maintenance().applyRetention(ctx);
      assertThat(fx.history(ctx, first.id())).extracting(VersionRecord::ov).containsExactly(3L);

      var replay = ops.create(doc("v1"), once);

      assertThat(replay).isEqualTo(first);
      assertThat(other.listByMeta(MetaQuery.all()).items()).extracting(ItemView::id).containsExactly(first.id());
      assertThatThrownBy(() -> ops.create(doc("another body"), once)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("already used for a different request");
    }

    @Test
    void anUpdateReplayedAfterRetentionDoesNotRevertNewerWrites() {
      String id = other.create(doc("v1")).id();
      WriteOptions once = WriteOptions.builder().requestId("update-2").build();
      var first = other.update(id, doc("v2"), once);
      other.update(id, doc("v3"));
      rival.maintenance().applyRetention(ctx);

      assertThat(ops.update(id, doc("v2"), once)).isEqualTo(first);
      assertThat(other.getLatest(id).orElseThrow().data().path("text").asText()).isEqualTo("v3");
      assertThat(fx.history(ctx, id)).extracting(VersionRecord::ov).containsExactly(3L);
    }

    @Test
    void aPrunedRequestIdIsRememberedForTheConfiguredDaysOnly() {
      String id = other.create(doc("v1")).id();
      WriteOptions once = WriteOptions.builder().requestId("update-3").build();
      other.update(id, doc("v2"), once);
      other.update(id, doc("v3"));
      rival.maintenance().applyRetention(ctx);

      fx.clock.advance(java.time.Duration.ofDays(config.idempotency().retainRequestIdsDays()).plusSeconds(1));

      assertThat(ops.update(id, doc("v2"), once).ov()).as("the id answers no more: a new write").isEqualTo(4);
    }
  }

  @Nested
  class DamagedStoredState {
    @Test
    void aRestoreCheckpointChangedOutsideUdmIsAStorageErrorNamingIt() {
      other.create(doc("v1"));
      RestoreTarget target = RestoreTarget.collectionVersion(1);
      String key = RestoreCheckpoint.key(ctx, target, java.util.Optional.empty());
      fx.backend(ctx).blobs().put(BlobArea.BACKUPS, key,
          "{\"runId\": \"r\", \"target\": {\"at\": \"yesterday\"}}".getBytes(StandardCharsets.UTF_8),
          "application/json");

      assertThatThrownBy(() -> other.restoreCollection(target)).isInstanceOf(StorageException.class)
          .hasMessageContaining(key).hasMessageContaining("Delete it");
    }
  }

  @Nested
  class Numbers {
    @Test
    void aNumberNoStoreKeepsExactlyIsRefusedBeforeAnyIo() {
      BigInteger huge = new BigInteger("12345678901234567890123456789012345678901");
      assertThatThrownBy(() -> ops.create(Map.of("n", huge))).isInstanceOf(ValidationException.class)
          .hasMessageContaining("n").hasMessageContaining("34 significant digits");
      assertThatThrownBy(() -> ops.create(Map.of("deep", Map.of("list", List.of(1, huge)))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("deep.list[1]");
      assertThat(fx.faults.trace()).isEmpty();
      // 34 digits are kept exactly, on every wiring.
      BigInteger widest = new BigInteger("1234567890123456789012345678901234");
      String id = ops.create(Map.of("n", widest)).id();
      assertThat(other.getLatest(id).orElseThrow().data().path("n").bigIntegerValue()).isEqualTo(widest);
      assertThat(other.listByMeta(MetaQuery.of(Map.of("n", widest))).items()).extracting(ItemView::id)
          .containsExactly(id);
    }

    @Test
    void aDecimalComesBackAsWrittenOrIsRefusedBeforeAnyIo() {
      // Stored as JSON text and read back as a double: a decimal with more digits would change silently.
      BigDecimal tooPrecise = new BigDecimal("0.12345678901234567890123456789");
      assertThatThrownBy(() -> ops.create(Map.of("score", Map.of("net", tooPrecise))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("score.net")
          .hasMessageContaining("send it as a string");
      assertThat(fx.faults.trace()).isEmpty();
      BigDecimal money = new BigDecimal("1234567.89");
      String id = ops.create(Map.of("score", money)).id();
      assertThat(other.getLatest(id).orElseThrow().data().path("score").decimalValue()).isEqualByComparingTo(money);
      assertThat(other.listByMeta(MetaQuery.of(Map.of("score", money))).items()).extracting(ItemView::id)
          .containsExactly(id);
    }

    @Test
    void nonFiniteNumbersAreRefusedNamingThePath() {
      assertThatThrownBy(() -> ops.create(Map.of("score", Double.NaN))).isInstanceOf(ValidationException.class)
          .hasMessageContaining("score").hasMessageContaining("NaN");
      assertThatThrownBy(() -> ops.create(Map.of("a", Map.of("b", Double.POSITIVE_INFINITY))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("a.b");
      // JSON text beyond a double's range parses to infinity, which is refused like any non-finite number.
      ObjectNode overflow = JsonValues.parseObject("{\"score\": 1e400}");
      assertThatThrownBy(() -> ops.create(overflow)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("score").hasMessageContaining("Infinity");
      // The same value as an exact decimal would come back as infinity, so it is refused too.
      assertThatThrownBy(() -> ops.create(Map.of("score", new BigDecimal("1e400"))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("score").hasMessageContaining("range");
      assertThatThrownBy(() -> ops.listByMeta(MetaQuery.of(Map.of("score", Map.of("$gt", Double.NaN)))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("score");
      assertThat(fx.faults.trace()).noneMatch(op -> op.startsWith("blobs.put") || op.startsWith("versions.append"));
    }

    @Test
    void aRefusalTheStoreSaysIsFinalReachesTheCallerUnchangedAndLeavesNoPayload() {
      StorageException refused = new StorageException("the store refused this record for good", false);
      fx.faults.before("versions.append", 1, () -> {
        throw refused;
      });

      assertThatThrownBy(() -> ops.create(doc("x"), WriteOptions.builder().objectId("refused").build()))
          .isSameAs(refused);
      assertThat(fx.faults.calls("versions.append")).isEqualTo(1);
      assertThat(objectsOf("refused")).isEmpty();
      assertThat(fx.history(ctx, "refused")).isEmpty();
    }
  }

  @Nested
  class ObjectEquality {
    @Test
    void anObjectFilterMatchesWhateverTheKeyOrderOfEitherSide() {
      ObjectNode zipFirst = JsonValues.parseObject("{\"address\": {\"zip\": \"1\", \"city\": \"X\"}}");
      ObjectNode cityFirst = JsonValues.parseObject("{\"address\": {\"city\": \"X\", \"zip\": \"1\"}}");
      String a = ops.create(zipFirst).id();
      String b = ops.create(cityFirst).id();

      for (ObjectNode filter : List.of(zipFirst, cityFirst)) {
        assertThat(other.listByMeta(MetaQuery.fromJson(filter.toString())).items()).extracting(ItemView::id)
            .containsExactlyInAnyOrder(a, b);
        assertThat(other.listByMeta(MetaQuery.fromJson("{\"address\": {\"$in\": [" + filter.get("address") + "]}}"))
            .items()).hasSize(2);
      }
      // Read by the writing process, which sends the counter changes it holds first.
      assertThat(victim.counters().getTotals(CounterQuery.of(ctx.tenantId(), ctx.dbName(), ctx.collection()))
          .rules().get("inX")).isEqualTo(2);
      // Listing sorted by the object prop pages through every item once, cursors holding scalars only.
      for (int i = 0; i < 5; i++) {
        ops.create(Map.of("address", Map.of("zip", String.valueOf(i % 3), "city", "C" + i)));
      }
      List<String> seen = new java.util.ArrayList<>();
      String cursor = null;
      do {
        var page = other.listByMeta(MetaQuery.all(), io.udm.api.ListOptions.builder().sortBy("address", true)
            .limit(2).cursor(java.util.Optional.ofNullable(cursor)).build());
        page.items().forEach(v -> seen.add(v.id()));
        cursor = page.nextCursor().orElse(null);
      } while (cursor != null);
      assertThat(seen).hasSize(7).doesNotHaveDuplicates();
      // The caller's data keeps its own key order: only the indexed copy is canonical.
      assertThat(other.getLatest(a).orElseThrow().data().path("address").fieldNames().next()).isEqualTo("zip");
    }
  }
}
