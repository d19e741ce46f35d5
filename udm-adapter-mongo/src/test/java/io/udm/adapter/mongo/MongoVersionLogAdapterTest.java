package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.T0;
import static io.udm.adapter.mongo.Records.json;
import static io.udm.adapter.mongo.Records.newCollection;
import static io.udm.adapter.mongo.Records.newKey;
import static io.udm.adapter.mongo.Records.unique;
import static io.udm.adapter.mongo.Records.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.RouteContext;
import io.udm.spi.AppendResult;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MongoVersionLogAdapterTest {
  private static InJvmMongo mongo;
  private static MongoStorage storage;
  private static VersionLog log;

  private final RouteContext collection = newCollection();
  private final ItemKey key = newKey(collection);

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
    storage = mongo.openStorage("versions_test");
    log = storage.versions();
  }

  @AfterAll
  static void stop() {
    storage.close();
    mongo.close();
  }

  @Test
  void anAppendedVersionIsReadBackExactly() {
    VersionRecord first = version(key, 1, json("{'s':'new','n':[1,{'a':true}]}"), Optional.of("r" + unique()), T0, false);

    assertThat(log.append(first)).isEqualTo(AppendResult.APPENDED);

    assertThat(log.find(key, 1)).contains(first);
    assertThat(log.latest(key)).contains(first);
    assertThat(log.findByRequestId(collection, first.requestId().orElseThrow())).contains(first);
  }

  @Test
  void aTakenOvIsRefusedAndTheFirstRecordStays() {
    VersionRecord first = version(key, 1);
    log.append(first);

    assertThat(log.append(version(key, 1))).isEqualTo(AppendResult.OV_TAKEN);
    assertThat(log.history(key)).containsExactly(first);
  }

  @Test
  void ofEightWritersAppendingTheSameOvExactlyOneWins() {
    List<VersionRecord> candidates = IntStream.range(0, 8)
        .mapToObj(i -> version(key, 1, json("{'writer':" + i + "}"), Optional.empty(), T0, false))
        .toList();

    List<AppendResult> outcomes = Race.run(8, thread -> log.append(candidates.get(thread)));

    assertThat(outcomes).filteredOn(AppendResult.APPENDED::equals).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> !outcome.equals(AppendResult.APPENDED)).containsOnly(AppendResult.OV_TAKEN);
    assertThat(log.find(key, 1)).contains(candidates.get(outcomes.indexOf(AppendResult.APPENDED)));
  }

  @Test
  void aReplayedRequestIdReturnsTheFirstRecordAnywhereInTheCollection() {
    String requestId = "r" + unique();
    VersionRecord first = version(key, 1, json("{}"), Optional.of(requestId), T0, false);
    log.append(first);
    ItemKey otherItem = newKey(collection);

    AppendResult sameItem = log.append(version(key, 2, json("{}"), Optional.of(requestId), T0, false));
    AppendResult otherItemReplay = log.append(version(otherItem, 1, json("{}"), Optional.of(requestId), T0, false));
    AppendResult ovTakenToo = log.append(version(key, 1, json("{}"), Optional.of(requestId), T0, false));

    assertThat(List.of(sameItem, otherItemReplay, ovTakenToo)).containsOnly(new AppendResult.RequestReplayed(first));
    assertThat(log.find(key, 2)).isEmpty();
    assertThat(log.latest(otherItem)).isEmpty();
  }

  @Test
  void requestIdsAreUniquePerCollectionOnly() {
    String requestId = "r" + unique();
    log.append(version(key, 1, json("{}"), Optional.of(requestId), T0, false));
    RouteContext sibling = RouteContext.of(collection.tenantId(), collection.dbName(), "c" + unique());

    assertThat(log.append(version(newKey(sibling), 1, json("{}"), Optional.of(requestId), T0, false)))
        .isEqualTo(AppendResult.APPENDED);
    assertThat(log.findByRequestId(sibling, "r" + unique())).isEmpty();
  }

  @Test
  void versionsWithoutRequestIdsNeverCollideOnIt() {
    assertThat(log.append(version(key, 1))).isEqualTo(AppendResult.APPENDED);
    assertThat(log.append(version(key, 2))).isEqualTo(AppendResult.APPENDED);
    assertThat(log.append(version(newKey(collection), 1))).isEqualTo(AppendResult.APPENDED);
  }

  @Test
  void ofEightWritersReplayingOneRequestExactlyOneAppends() {
    String requestId = "r" + unique();

    List<AppendResult> outcomes = Race.run(8,
        thread -> log.append(version(key, thread + 1, json("{}"), Optional.of(requestId), T0, false)));

    assertThat(outcomes).filteredOn(AppendResult.APPENDED::equals).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> outcome instanceof AppendResult.RequestReplayed).hasSize(7);
    assertThat(log.history(key)).hasSize(1);
  }

  @Test
  void latestIsTheHighestOvAndHistoryIsOldestFirst() {
    log.append(version(key, 2));
    log.append(version(key, 10));
    log.append(version(key, 1));
    log.append(version(newKey(collection), 11));

    assertThat(log.latest(key)).map(VersionRecord::ov).contains(10L);
    assertThat(log.history(key)).extracting(VersionRecord::ov).containsExactly(1L, 2L, 10L);
  }

  @Test
  void latestAtOrBeforePicksTheHighestOvAtOrBeforeTheInstant() {
    appendAt(1, T0.plusSeconds(10));
    appendAt(2, T0.plusSeconds(30));
    appendAt(3, T0.plusSeconds(20)); // A writer whose clock lagged.

    assertThat(ovAtOrBefore(T0.plusSeconds(9))).isEmpty();
    assertThat(ovAtOrBefore(T0.plusSeconds(10))).contains(1L);
    assertThat(ovAtOrBefore(T0.plusSeconds(20).minusMillis(1))).contains(1L);
    assertThat(ovAtOrBefore(T0.plusSeconds(25))).contains(3L);
    assertThat(ovAtOrBefore(T0.plusSeconds(3000))).contains(3L);
  }

  @Test
  void deleteCountsOnlyExistingVersionsAndFreesOvAndRequestId() {
    String requestId = "r" + unique();
    log.append(version(key, 1, json("{}"), Optional.of(requestId), T0, false));
    log.append(version(key, 2));
    log.append(version(key, 3));

    assertThat(log.delete(key, List.of(1L, 3L, 3L, 7L))).isEqualTo(2);
    assertThat(log.delete(key, List.of())).isZero();
    assertThat(log.history(key)).extracting(VersionRecord::ov).containsExactly(2L);
    assertThat(log.findByRequestId(collection, requestId)).isEmpty();
    assertThat(log.append(version(key, 1, json("{}"), Optional.of(requestId), T0, false))).isEqualTo(AppendResult.APPENDED);
  }

  private void appendAt(long ov, Instant at) {
    assertThat(log.append(version(key, ov, json("{}"), Optional.empty(), at, false))).isEqualTo(AppendResult.APPENDED);
  }

  private Optional<Long> ovAtOrBefore(Instant instant) {
    return log.latestAtOrBefore(key, instant).map(VersionRecord::ov);
  }
}
