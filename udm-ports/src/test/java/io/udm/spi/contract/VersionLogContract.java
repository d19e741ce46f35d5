package io.udm.spi.contract;

import static io.udm.spi.contract.SameRecords.assertSameVersion;
import static io.udm.spi.contract.TestRecords.T0;
import static io.udm.spi.contract.TestRecords.newCollection;
import static io.udm.spi.contract.TestRecords.newKey;
import static io.udm.spi.contract.TestRecords.siblingOf;
import static io.udm.spi.contract.TestRecords.unique;
import static io.udm.spi.contract.TestRecords.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.RouteContext;
import io.udm.spi.AppendResult;
import io.udm.spi.CounterDelta;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.PendingVersion;
import io.udm.spi.PrunedRequest;
import io.udm.spi.RequestMemos;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VersionLog} must do: unique (item, ov), unique (collection, requestId), and the
 * reads the saga and getAsOf rely on; and, on the same records, its {@link EffectsOutbox} (the work
 * versions owe) and {@link RequestMemos}. Each test uses collections of its own.
 */
public abstract class VersionLogContract {
  private static final int THREADS = 8;

  /** A log with its outbox and request memos (views of one store); it may be shared with other tests. */
  protected abstract VersionRecordPorts newLog();

  private VersionLog log;
  private EffectsOutbox outbox;
  private RequestMemos memos;
  private RouteContext collection;
  private ItemKey key;

  @BeforeEach
  void createLogAndItem() {
    VersionRecordPorts ports = newLog();
    log = ports.log();
    outbox = ports.outbox();
    memos = ports.memos();
    collection = newCollection();
    key = newKey(collection);
  }

  // ------------------------------------------------------------------ append and the ov rule

  @Test
  void anAppendedVersionIsFoundAsWritten() {
    VersionRecord first = version(key, 1).requestId("r" + unique()).meta("{'status':'new','n':[1,{'a':true}]}").build();

    assertThat(log.append(first)).isEqualTo(AppendResult.APPENDED);

    assertSameVersion(log.find(key, 1), first);
    assertSameVersion(log.latest(key), first);
  }

  @Test
  void anInlinePayloadIsKeptInItsRecordExactlyAndEveryReadReturnsIt() {
    // Unicode, escapes and a number whose text must not be rewritten.
    String stored = "{\"name\":\"Zoë \\u2603 \\\"quoted\\\"\",\"n\":1.50,\"deep\":[{\"a\":null}]}";
    VersionRecord first = version(key, 1).inline(stored).build();
    VersionRecord second = version(key, 2).build();
    log.append(first);
    log.append(second);

    assertThat(log.find(key, 1).orElseThrow().inlinePayload()).contains(stored);
    assertThat(log.find(key, 2).orElseThrow().inlinePayload()).as("a payload in object storage").isEmpty();
    assertSameVersion(log.latestAtOrBefore(key, first.at()), first);
    assertThat(log.history(key)).extracting(VersionRecord::inlinePayload)
        .containsExactly(Optional.of(stored), Optional.empty());
    assertThat(log.findAll(key, List.of(1L, 2L))).extracting(VersionRecord::payloadInline).containsExactly(true, false);
  }

  @Test
  void itemIdsListsEachItemWithVersionsOnceInOrderAPageAtATime() {
    RouteContext other = siblingOf(collection);
    for (String id : List.of("b", "a-1", "a", "c.d", "c")) {
      log.append(version(ItemKey.of(collection, id), 1).build());
      log.append(version(ItemKey.of(collection, id), 2).build());
    }
    log.append(version(ItemKey.of(other, "zz"), 1).build());
    log.burn(collection, List.of(999_999_999L), TestRecords.T0);

    assertThat(log.itemIds(collection, Optional.empty(), 10)).containsExactly("a", "a-1", "b", "c", "c.d");
    assertThat(log.itemIds(collection, Optional.empty(), 2)).containsExactly("a", "a-1");
    assertThat(log.itemIds(collection, Optional.of("a-1"), 2)).containsExactly("b", "c");
    assertThat(log.itemIds(collection, Optional.of("c.d"), 2)).isEmpty();
    log.delete(ItemKey.of(collection, "b"), List.of(1L, 2L));
    assertThat(log.itemIds(collection, Optional.empty(), 10)).as("an item whose versions are all gone")
        .containsExactly("a", "a-1", "c", "c.d");
  }

  @Test
  void anUnknownItemOrOvIsNotFound() {
    log.append(version(key, 1).build());

    assertThat(log.find(key, 2)).isEmpty();
    assertThat(log.find(newKey(collection), 1)).isEmpty();
    assertThat(log.latest(newKey(collection))).isEmpty();
    assertThat(log.history(newKey(collection))).isEmpty();
  }

  @Test
  void appendingATakenOvIsRefusedAndKeepsTheFirstRecord() {
    VersionRecord first = version(key, 1).meta("{'writer':'first'}").build();
    log.append(first);

    AppendResult second = log.append(version(key, 1).meta("{'writer':'second'}").build());

    assertThat(second).isEqualTo(AppendResult.OV_TAKEN);
    assertSameVersion(log.find(key, 1), first);
    assertThat(log.history(key)).hasSize(1);
  }

  @Test
  void theSameOvOfDifferentItemsDoesNotCollide() {
    log.append(version(key, 1).build());

    assertThat(log.append(version(newKey(collection), 1).build())).isEqualTo(AppendResult.APPENDED);
  }

  @Test
  void ofEightWritersAppendingTheSameOvExactlyOneWins() {
    List<VersionRecord> candidates = IntStream.range(0, THREADS)
        .mapToObj(i -> version(key, 1).meta("{'writer':" + i + "}").build())
        .toList();

    List<AppendResult> outcomes = Race.run(THREADS, thread -> log.append(candidates.get(thread)));

    assertThat(outcomes).filteredOn(AppendResult.APPENDED::equals).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> !outcome.equals(AppendResult.APPENDED))
        .containsOnly(AppendResult.OV_TAKEN);
    VersionRecord winner = candidates.get(outcomes.indexOf(AppendResult.APPENDED));
    assertSameVersion(log.find(key, 1), winner);
  }

  // ------------------------------------------------------------------ request ids

  @Test
  void aReplayedRequestIdReturnsTheExistingRecordAndWritesNothing() {
    String requestId = "r" + unique();
    VersionRecord first = version(key, 1).requestId(requestId).build();
    log.append(first);

    AppendResult replay = log.append(version(key, 2).requestId(requestId).build());

    assertThat(replay).isInstanceOf(AppendResult.RequestReplayed.class);
    assertSameVersion(((AppendResult.RequestReplayed) replay).existing(), first);
    assertThat(log.find(key, 2)).isEmpty();
  }

  @Test
  void aRequestIdIsUniqueAcrossTheItemsOfACollection() {
    String requestId = "r" + unique();
    VersionRecord first = version(key, 1).requestId(requestId).build();
    log.append(first);
    ItemKey otherItem = newKey(collection);

    AppendResult replay = log.append(version(otherItem, 1).requestId(requestId).build());

    assertThat(replay).isInstanceOf(AppendResult.RequestReplayed.class);
    assertSameVersion(((AppendResult.RequestReplayed) replay).existing(), first);
    assertThat(log.latest(otherItem)).isEmpty();
  }

  @Test
  void requestIdsArePerCollection() {
    String requestId = "r" + unique();
    log.append(version(key, 1).requestId(requestId).build());
    ItemKey inSibling = newKey(siblingOf(collection));
    ItemKey inOtherTenant = newKey(newCollection());

    assertThat(log.append(version(inSibling, 1).requestId(requestId).build())).isEqualTo(AppendResult.APPENDED);
    assertThat(log.append(version(inOtherTenant, 1).requestId(requestId).build())).isEqualTo(AppendResult.APPENDED);
  }

  @Test
  void aReplayIsReportedEvenWhenItsOvIsTakenToo() {
    String requestId = "r" + unique();
    VersionRecord first = version(key, 1).requestId(requestId).build();
    log.append(first);

    AppendResult replay = log.append(version(key, 1).requestId(requestId).build());

    assertThat(replay).isInstanceOf(AppendResult.RequestReplayed.class);
    assertSameVersion(((AppendResult.RequestReplayed) replay).existing(), first);
  }

  @Test
  void versionsWithoutARequestIdNeverCollideOnIt() {
    log.append(version(key, 1).build());

    assertThat(log.append(version(key, 2).build())).isEqualTo(AppendResult.APPENDED);
    assertThat(log.append(version(newKey(collection), 1).build())).isEqualTo(AppendResult.APPENDED);
  }

  @Test
  void ofEightWritersReplayingOneRequestExactlyOneAppends() {
    String requestId = "r" + unique();

    List<AppendResult> outcomes =
        Race.run(THREADS, thread -> log.append(version(key, thread + 1).requestId(requestId).build()));

    assertThat(outcomes).filteredOn(AppendResult.APPENDED::equals).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> !outcome.equals(AppendResult.APPENDED))
        .hasSize(THREADS - 1)
        .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(AppendResult.RequestReplayed.class));
    assertThat(log.history(key)).hasSize(1);
  }

  @Test
  void findByRequestIdLooksInTheGivenCollectionOnly() {
    String requestId = "r" + unique();
    VersionRecord first = version(key, 1).requestId(requestId).build();
    log.append(first);

    assertSameVersion(log.findByRequestId(collection, requestId), first);
    assertThat(log.findByRequestId(collection, "r" + unique())).isEmpty();
    assertThat(log.findByRequestId(siblingOf(collection), requestId)).isEmpty();
  }

  @Test
  void listByCvGivesTheCollectionsRecordsAfterACvInCvOrder() {
    ItemKey other = newKey(collection);
    log.append(version(key, 1).cv(5).build());
    log.append(version(other, 1).cv(2).build());
    log.append(version(key, 2).cv(9).build());
    log.append(version(other, 2).cv(7).build());
    log.append(version(newKey(siblingOf(collection)), 1).cv(3).build());

    assertThat(log.listByCv(collection, 0, 10)).extracting(VersionRecord::cv).containsExactly(2L, 5L, 7L, 9L);
    assertThat(log.listByCv(collection, 5, 10)).extracting(VersionRecord::cv).containsExactly(7L, 9L);
    assertThat(log.listByCv(collection, 0, 2)).extracting(VersionRecord::cv).containsExactly(2L, 5L);
    assertThat(log.listByCv(collection, 9, 10)).isEmpty();
    log.delete(other, List.of(2L));
    assertThat(log.listByCv(collection, 0, 10)).extracting(VersionRecord::cv).containsExactly(2L, 5L, 9L);
  }

  // ------------------------------------------------------------------ burned cvs

  @Test
  void anAppendWithABurnedCvIsRefusedHoweverLateItArrives() {
    assertThat(log.burn(collection, List.of(4L), T0)).as("no version held cv 4").isEmpty();

    assertThat(log.append(version(key, 1).cv(4).build())).isEqualTo(AppendResult.CV_BURNED);

    assertThat(log.find(key, 1)).as("nothing was written").isEmpty();
    assertThat(log.append(version(key, 1).cv(6).build())).as("a fresh cv commits").isEqualTo(AppendResult.APPENDED);
  }

  @Test
  void burningACvAVersionHoldsReportsItAndLeavesTheVersion() {
    VersionRecord committed = version(key, 1).cv(3).build();
    log.append(committed);

    assertThat(log.burn(collection, List.of(2L, 3L, 5L), T0)).containsExactly(3L);

    assertSameVersion(log.find(key, 1), committed);
    assertThat(log.burnedCvs(collection, 0, 10, 10)).containsExactly(2L, 5L);
    assertThat(log.burn(collection, List.of(2L, 5L), T0)).as("burning again is a no-op").isEmpty();
    assertThat(log.burnedCvs(collection, 0, 10, 10)).containsExactly(2L, 5L);
  }

  @Test
  void burnedCvsAreNoVersionsAndStayInTheirCollection() {
    log.append(version(key, 1).cv(1).build());
    log.burn(collection, List.of(2L, 3L), T0);
    log.append(version(key, 2).cv(4).build());

    assertThat(log.listByCv(collection, 0, 10)).extracting(VersionRecord::cv).containsExactly(1L, 4L);
    assertThat(log.history(key)).extracting(VersionRecord::ov).containsExactly(1L, 2L);
    assertThat(log.latest(key).orElseThrow().ov()).isEqualTo(2);
    assertThat(log.burnedCvs(siblingOf(collection), 0, 10, 10)).isEmpty();
    assertThat(log.append(version(newKey(siblingOf(collection)), 1).cv(2).build()))
        .as("cv 2 of another collection").isEqualTo(AppendResult.APPENDED);
  }

  @Test
  void burnedCvsAreListedInARangeAscendingUpToALimit() {
    log.burn(collection, List.of(9L, 3L, 5L, 7L, 1L), T0);

    assertThat(log.burnedCvs(collection, 0, 100, 10)).containsExactly(1L, 3L, 5L, 7L, 9L);
    assertThat(log.burnedCvs(collection, 3, 7, 10)).containsExactly(5L, 7L);
    assertThat(log.burnedCvs(collection, 0, 100, 2)).containsExactly(1L, 3L);
    assertThat(log.burnedCvs(collection, 9, 100, 10)).isEmpty();
    assertThat(log.burnedCvs(collection, 5, 5, 10)).isEmpty();
  }

  @Test
  void aThousandsWideGapBurnsWhole() {
    List<Long> gap = java.util.stream.LongStream.rangeClosed(10, 2_600).boxed().toList();
    log.append(version(key, 1).cv(1_000).build());

    assertThat(log.burn(collection, gap, T0)).containsExactly(1_000L);

    assertThat(log.burnedCvs(collection, 0, 3_000, 5_000)).hasSize(gap.size() - 1);
  }

  @Test
  void ofAnAppendAndABurnOfTheSameCvRacingExactlyOneWins() {
    for (int round = 0; round < 20; round++) {
      ItemKey item = newKey(collection);
      long cv = 100 + round;
      VersionRecord record = version(item, 1).cv(cv).build();
      List<Object> outcomes = Race.run(2, thread -> thread == 0
          ? log.append(record)
          : log.burn(collection, List.of(cv), T0));
      boolean appended = outcomes.get(0).equals(AppendResult.APPENDED);
      boolean burned = ((java.util.Set<?>) outcomes.get(1)).isEmpty();
      assertThat(appended).as("round %d: appended %s, burned %s", round, outcomes.get(0), outcomes.get(1))
          .isNotEqualTo(burned);
      assertThat(log.find(item, 1).isPresent()).isEqualTo(appended);
      assertThat(log.burnedCvs(collection, cv - 1, cv, 1).isEmpty()).isEqualTo(appended);
    }
  }

  @Test
  void aRecordKeepsTheTimeItsCvWasDrawn() {
    Instant drawn = T0.plusMillis(1234);
    VersionRecord record = version(key, 1).build();
    VersionRecord withDrawTime = new VersionRecord(record.key(), record.ov(), record.cv(), record.at(), record.op(),
        record.actor(), record.reason(), record.functionId(), record.requestId(), record.requestHash(),
        record.writeId(), record.payloadKey(), record.payloadBytes(), record.meta(), record.system(), record.content(),
        drawn);
    log.append(withDrawTime);

    assertThat(log.find(key, 1).orElseThrow().cvDrawnAt()).isEqualTo(drawn);
    assertThat(log.listByCv(collection, 0, 1).get(0).cvDrawnAt()).isEqualTo(drawn);
  }

  @Test
  void aPrunedRequestIsRememberedUntilItExpiresInItsCollectionOnly() {
    String requestId = "r" + unique();
    VersionRecord first = version(key, 3).requestId(requestId).build();
    Instant expires = T0.plusSeconds(3600);
    memos.rememberPrunedRequests(List.of(PrunedRequest.of(first, expires)));

    PrunedRequest found = memos.findPrunedRequest(collection, requestId, T0).orElseThrow();
    assertThat(found).isEqualTo(PrunedRequest.of(first, expires));
    assertThat(memos.findPrunedRequest(collection, requestId, expires)).as("expired").isEmpty();
    assertThat(memos.findPrunedRequest(siblingOf(collection), requestId, T0)).isEmpty();
    assertThat(memos.findPrunedRequest(collection, "r" + unique(), T0)).isEmpty();
    assertThat(log.findByRequestId(collection, requestId)).as("a memo is no version").isEmpty();
  }

  @Test
  void rememberingARequestAgainReplacesItsMemo() {
    String requestId = "r" + unique();
    memos.rememberPrunedRequests(List.of(PrunedRequest.of(version(key, 1).requestId(requestId).build(), T0.plusSeconds(60))));
    memos.rememberPrunedRequests(List.of(PrunedRequest.of(version(key, 1).requestId(requestId).build(), T0.plusSeconds(7200))));

    assertThat(memos.findPrunedRequest(collection, requestId, T0.plusSeconds(3600))).isPresent();
  }

  @Test
  void aCollectionsLiveMemosAreListedInRequestIdOrderAPageAtATime() {
    List<String> ids = List.of("a" + unique(), "b" + unique(), "c" + unique());
    memos.rememberPrunedRequests(List.of(
        PrunedRequest.of(version(key, 1).requestId(ids.get(2)).build(), T0.plusSeconds(60)),
        PrunedRequest.of(version(key, 2).requestId(ids.get(0)).build(), T0.plusSeconds(60)),
        PrunedRequest.of(version(key, 3).requestId(ids.get(1)).build(), T0.plusSeconds(60)),
        PrunedRequest.of(version(key, 4).requestId("x" + unique()).build(), T0.plusSeconds(5)),
        PrunedRequest.of(version(newKey(siblingOf(collection)), 1).requestId("s" + unique()).build(),
            T0.plusSeconds(60))));

    assertThat(memos.prunedRequests(collection, Optional.empty(), 10, T0.plusSeconds(10)))
        .extracting(PrunedRequest::requestId).as("live ones of this collection").containsExactlyElementsOf(ids);
    assertThat(memos.prunedRequests(collection, Optional.empty(), 2, T0.plusSeconds(10)))
        .extracting(PrunedRequest::requestId).containsExactly(ids.get(0), ids.get(1));
    assertThat(memos.prunedRequests(collection, Optional.of(ids.get(1)), 10, T0.plusSeconds(10)))
        .extracting(PrunedRequest::requestId).containsExactly(ids.get(2));
  }

  // ------------------------------------------------------------------ reads by time and order

  @Test
  void latestAtOrBeforeIncludesAVersionAtExactlyThatInstant() {
    appendAt(1, T0.plusSeconds(10));
    appendAt(2, T0.plusSeconds(20));
    appendAt(3, T0.plusSeconds(30));

    assertThat(ovAtOrBefore(T0.plusSeconds(9))).isEmpty();
    assertThat(ovAtOrBefore(T0.plusSeconds(10))).contains(1L);
    assertThat(ovAtOrBefore(T0.plusSeconds(20))).contains(2L);
    assertThat(ovAtOrBefore(T0.plusSeconds(20).minusMillis(1))).contains(1L);
    assertThat(ovAtOrBefore(T0.plusSeconds(29))).contains(2L);
    assertThat(ovAtOrBefore(T0.plusSeconds(3000))).contains(3L);
  }

  @Test
  void latestAtOrBeforePicksTheHighestOvWhenClocksDisagree() {
    // ov 3 was written by a writer whose clock lagged: its at is earlier than ov 2's.
    appendAt(1, T0.plusSeconds(10));
    appendAt(2, T0.plusSeconds(30));
    appendAt(3, T0.plusSeconds(20));

    assertThat(ovAtOrBefore(T0.plusSeconds(25))).contains(3L);
    assertThat(ovAtOrBefore(T0.plusSeconds(15))).contains(1L);
  }

  @Test
  void latestIsTheHighestOvWhateverTheAppendOrder() {
    log.append(version(key, 2).build());
    log.append(version(key, 3).build());
    log.append(version(key, 1).build());

    assertThat(log.latest(key)).map(VersionRecord::ov).contains(3L);
  }

  @Test
  void historyListsAnItemsVersionsOldestFirst() {
    log.append(version(key, 3).build());
    log.append(version(key, 1).build());
    log.append(version(key, 2).build());
    log.append(version(newKey(collection), 4).build());

    assertThat(log.history(key)).extracting(VersionRecord::ov).containsExactly(1L, 2L, 3L);
  }

  @Test
  void historyAfterPagesThroughTheVersionsAboveAnOvOldestFirst() {
    for (long ov : List.of(4L, 1L, 2L, 6L, 3L)) {
      log.append(version(key, ov).build());
    }
    log.append(version(newKey(collection), 5).build());

    assertThat(log.historyAfter(key, 0, 2)).extracting(VersionRecord::ov).containsExactly(1L, 2L);
    assertThat(log.historyAfter(key, 2, 2)).extracting(VersionRecord::ov).containsExactly(3L, 4L);
    assertThat(log.historyAfter(key, 4, 2)).extracting(VersionRecord::ov).containsExactly(6L);
    assertThat(log.historyAfter(key, 6, 2)).isEmpty();
    assertThat(log.historyAfter(key, 0, 100)).extracting(VersionRecord::ov).containsExactly(1L, 2L, 3L, 4L, 6L);
    assertThat(log.historyAfter(newKey(collection), 0, 10)).isEmpty();
  }

  @Test
  void historyAfterNeedsALimitOfOneOrMore() {
    assertThatThrownBy(() -> log.historyAfter(key, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of 1 or more");
  }

  // ------------------------------------------------------------------ findAll: primary-key lookups

  @Test
  void findAllReturnsTheExistingOnesOfTheGivenOvsOldestFirst() {
    VersionRecord second = version(key, 2).meta("{'n':2}").build();
    VersionRecord fifth = version(key, 5).meta("{'n':5}").build();
    log.append(fifth);
    log.append(version(key, 3).build());
    log.append(second);
    log.append(version(newKey(collection), 4).build());

    List<VersionRecord> found = log.findAll(key, List.of(5L, 4L, 2L, 9L));

    assertThat(found).extracting(VersionRecord::ov).containsExactly(2L, 5L);
    assertSameVersion(found.get(0), second);
    assertSameVersion(found.get(1), fifth);
  }

  @Test
  void findAllFindsNothingForNoOvsAnUnknownItemOrAnotherCollection() {
    log.append(version(key, 1).build());

    assertThat(log.findAll(key, List.of())).isEmpty();
    assertThat(log.findAll(key, List.of(0L, 2L))).isEmpty();
    assertThat(log.findAll(newKey(collection), List.of(1L))).isEmpty();
    assertThat(log.findAll(ItemKey.of(siblingOf(collection), key.objectId()), List.of(1L))).isEmpty();
  }

  @Test
  void findAllListsAnOvAskedForTwiceOnce() {
    log.append(version(key, 1).build());

    assertThat(log.findAll(key, List.of(1L, 1L))).extracting(VersionRecord::ov).containsExactly(1L);
  }

  @Test
  void findAllNoLongerFindsDeletedVersions() {
    log.append(version(key, 1).build());
    log.append(version(key, 2).build());

    log.delete(key, List.of(1L));

    assertThat(log.findAll(key, List.of(1L, 2L))).extracting(VersionRecord::ov).containsExactly(2L);
  }

  // ------------------------------------------------------------------ delete and copies

  @Test
  void deletingVersionsCountsOnlyThoseThatExisted() {
    log.append(version(key, 1).build());
    log.append(version(key, 2).build());
    log.append(version(key, 3).build());

    assertThat(log.delete(key, List.of(1L, 3L, 7L))).isEqualTo(2);
    assertThat(log.history(key)).extracting(VersionRecord::ov).containsExactly(2L);
    assertThat(log.delete(key, List.of(1L))).isZero();
    assertThat(log.delete(newKey(collection), List.of(2L))).isZero();
  }

  @Test
  void aDeletedVersionFreesItsOvAndItsRequestId() {
    String requestId = "r" + unique();
    log.append(version(key, 1).requestId(requestId).build());

    log.delete(key, List.of(1L));

    assertThat(log.findByRequestId(collection, requestId)).isEmpty();
    assertThat(log.append(version(key, 1).requestId(requestId).build())).isEqualTo(AppendResult.APPENDED);
  }

  @Test
  void mutatingAReturnedMetaDoesNotChangeTheStoredVersion() {
    log.append(version(key, 1).meta("{'status':'active'}").build());

    log.find(key, 1).orElseThrow().meta().put("status", "hacked");
    log.history(key).get(0).meta().put("status", "hacked");
    log.latest(key).orElseThrow().meta().removeAll();
    log.findAll(key, List.of(1L)).get(0).meta().put("status", "hacked");

    assertThat(log.find(key, 1).orElseThrow().meta().get("status").textValue()).isEqualTo("active");
  }

  private void appendAt(long ov, Instant at) {
    assertThat(log.append(version(key, ov).at(at).build())).isEqualTo(AppendResult.APPENDED);
  }

  private Optional<Long> ovAtOrBefore(Instant instant) {
    return log.latestAtOrBefore(key, instant).map(VersionRecord::ov);
  }
  // ------------------------------------------------------------------ owed after-commit work (the outbox)

  private static PendingEffects owed(Instant until) {
    return new PendingEffects(new CounterDelta(1, 0, 0, 0, 0, 1, Map.of("vip", 1L)), true, until);
  }

  private List<PendingVersion> claimedOfThisItem(Instant now, Instant until) {
    return outbox.claimPendingEffects(now, until, 10_000).stream()
        .filter(p -> p.version().key().equals(key)).toList();
  }

  @Test
  void workAppendedWithAVersionIsOwedUntilMarkedApplied() {
    VersionRecord v = version(key, 1).build();
    PendingEffects work = owed(T0.plusSeconds(60));
    log.append(v, Optional.of(work));

    assertThat(outbox.pendingEffects(key, 1, v.writeId())).contains(work);
    assertThat(outbox.pendingEffects(key, 1, "another-write")).isEmpty();
    outbox.effectsApplied(key, 1, "another-write");
    assertThat(outbox.pendingEffects(key, 1, v.writeId())).contains(work);

    outbox.effectsApplied(key, 1, v.writeId());
    assertThat(outbox.pendingEffects(key, 1, v.writeId())).isEmpty();
    assertSameVersion(log.find(key, 1), v);
  }

  @Test
  void severalVersionsAreMarkedAppliedAtOnceByTheirWriteIds() {
    VersionRecord v1 = version(key, 1).build();
    VersionRecord v2 = version(key, 2).build();
    VersionRecord v3 = version(key, 3).build();
    for (VersionRecord v : List.of(v1, v2, v3)) {
      log.append(v, Optional.of(owed(T0.plusSeconds(60))));
    }
    VersionRecord otherWrite = version(key, 3).build(); // the same ov, another write id

    outbox.effectsApplied(List.of(v1, v2, otherWrite));
    outbox.effectsApplied(List.of());

    assertThat(outbox.pendingEffects(key, 1, v1.writeId())).isEmpty();
    assertThat(outbox.pendingEffects(key, 2, v2.writeId())).isEmpty();
    assertThat(outbox.pendingEffects(key, 3, v3.writeId())).as("another write id marks nothing").isPresent();
  }

  @Test
  void aVersionAppendedWithoutWorkOwesNothing() {
    VersionRecord v = version(key, 1).build();
    log.append(v);

    assertThat(outbox.pendingEffects(key, 1, v.writeId())).isEmpty();
    assertThat(claimedOfThisItem(T0.plusSeconds(3600), T0.plusSeconds(7200))).isEmpty();
  }

  @Test
  void onlyDueWorkIsClaimedAndAClaimHoldsUntilItExpires() {
    VersionRecord v = version(key, 1).build();
    log.append(v, Optional.of(owed(T0.plusSeconds(60))));

    assertThat(claimedOfThisItem(T0.plusSeconds(59), T0.plusSeconds(120))).isEmpty();
    List<PendingVersion> claimed = claimedOfThisItem(T0.plusSeconds(60), T0.plusSeconds(120));
    assertThat(claimed).hasSize(1);
    assertSameVersion(Optional.of(claimed.get(0).version()), v);
    assertThat(claimed.get(0).effects()).isEqualTo(owed(T0.plusSeconds(120)));

    assertThat(claimedOfThisItem(T0.plusSeconds(119), T0.plusSeconds(180))).isEmpty();
    assertThat(claimedOfThisItem(T0.plusSeconds(120), T0.plusSeconds(180))).hasSize(1);
    outbox.effectsApplied(key, 1, v.writeId());
    assertThat(claimedOfThisItem(T0.plusSeconds(3600), T0.plusSeconds(7200))).isEmpty();
  }

  @Test
  void ofConcurrentClaimsOfTheSameWorkExactlyOneGetsIt() {
    log.append(version(key, 1).build(), Optional.of(owed(T0)));

    List<Integer> got = Race.run(THREADS, thread -> claimedOfThisItem(T0.plusSeconds(1), T0.plusSeconds(61)).size());

    assertThat(got.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
  }

  @Test
  void deletingAVersionDropsTheWorkItOwed() {
    VersionRecord v = version(key, 1).build();
    log.append(v, Optional.of(owed(T0)));

    log.delete(key, List.of(1L));

    assertThat(outbox.pendingEffects(key, 1, v.writeId())).isEmpty();
    assertThat(claimedOfThisItem(T0.plusSeconds(1), T0.plusSeconds(61))).isEmpty();
  }
}
