package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.adapter.memory.InMemoryPlacementAdapter;
import io.udm.api.GcResult;
import io.udm.api.VerifyProblem;
import io.udm.api.VerifyProblem.Kind;
import io.udm.api.VerifyReport;
import io.udm.api.config.UdmConfig;
import io.udm.app.maintenance.Verifier;
import io.udm.app.scan.CollectionPayloads;
import io.udm.app.scan.ItemHistory;
import io.udm.spi.HeadQuery;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The maintenance bounds on the in-memory adapters, plus the checks too slow for the MongoDB + S3 servers. */
class InMemoryMaintenanceBoundsTest extends MaintenanceBoundsSuite {
  @Override
  protected StoragePorts openPorts(UdmConfig config, MutableClock clock) {
    return MemoryPorts.withBackends(new InMemoryPlacementAdapter(), clock, "m-0");
  }

  @Test
  void verifyReadsHeadsAndPayloadKeysAPageAtATimeAndChecksItemsAsItGoes() {
    int items = CollectionPayloads.PAGE + 50;
    for (int i = 0; i < items; i++) {
      udm.with(ctx).create(Map.of("n", i));
    }
    recorded.reset();

    VerifyReport report = udm.maintenance().verify(ctx);

    assertThat(report.itemsChecked()).isEqualTo(items);
    assertThat(report.ok()).isTrue();
    // Two walks of the heads: the merge with the payload keys, then the one against the log's item ids.
    List<RecordingPorts.Call> headPages = recorded.calls("HeadStore.query");
    assertThat(headPages).hasSize(4);
    assertThat(recorded.calls("VersionLog.itemIds")).hasSize(2).allSatisfy(call -> {
      assertThat((int) call.arg(2)).isLessThanOrEqualTo(CollectionPayloads.PAGE);
      assertThat(call.returned()).isLessThanOrEqualTo(CollectionPayloads.PAGE);
    });
    assertThat(headPages).allSatisfy(call -> {
      assertThat(((HeadQuery) call.arg(0)).limit()).isLessThanOrEqualTo(CollectionPayloads.PAGE);
      assertThat(call.returned()).isLessThanOrEqualTo(CollectionPayloads.PAGE);
    });
    List<RecordingPorts.Call> collectionListings = recorded.calls("BlobStore.list").stream()
        .filter(call -> call.arg(1).equals(io.udm.domain.keys.StorageKeys.collectionPrefix(ctx)))
        .toList();
    assertThat(collectionListings).hasSizeGreaterThanOrEqualTo(2).allSatisfy(call -> {
      assertThat((int) call.arg(3)).isLessThanOrEqualTo(CollectionPayloads.PAGE);
      assertThat(call.returned()).isLessThanOrEqualTo(CollectionPayloads.PAGE);
    });
    // The second page of heads is read only after the first page's items were checked.
    assertThat(recorded.calls("VersionLog.history").size()).isEqualTo(items);
    assertThat(historyReadsBefore(headPages.get(1))).isGreaterThanOrEqualTo(CollectionPayloads.PAGE - 1);
  }

  @Test
  void verifyKeepsTheFirstProblemsAndCountsThemAll() {
    int orphans = Verifier.MAX_PROBLEMS_KEPT + 7;
    String id = create("damaged");
    for (int ov = 2; ov < 2 + orphans; ov++) {
      putOrphanPayload(id, ov);
    }

    VerifyReport report = udm.maintenance().verify(ctx);

    assertThat(report.problems()).hasSize(Verifier.MAX_PROBLEMS_KEPT)
        .extracting(VerifyProblem::kind).containsOnly(Kind.ORPHAN_PAYLOAD);
    assertThat(report.problemsFound()).isEqualTo(orphans);
    assertThat(report.truncated()).isTrue();
    assertThat(report.ok()).isFalse();
  }

  @Test
  void garbageCollectionReadsALongHistoryAndAnItemsManyObjectsAPageAtATime() {
    String id = create("long-lived");
    int versions = ItemHistory.PAGE * 2 + 10;
    for (int n = 2; n <= versions; n++) {
      udm.with(ctx).update(id, Map.of("n", n));
    }
    int orphans = CollectionPayloads.PAGE + 100;
    for (long ov = versions + 1; ov <= versions + orphans; ov++) {
      putOrphanPayload(id, ov);
    }
    clock.advance(Duration.ofHours(2));
    recorded.reset();

    GcResult result = udm.maintenance().collectGarbage(ctx, Duration.ofHours(1));

    assertThat(result.orphanObjects()).isEqualTo(orphans);
    assertThat(recorded.calls("VersionLog.history")).isEmpty();
    assertThat(recorded.calls("VersionLog.historyAfter")).isNotEmpty().allSatisfy(call -> {
      assertThat((int) call.arg(2)).isLessThanOrEqualTo(ItemHistory.PAGE);
      assertThat(call.returned()).isLessThanOrEqualTo(ItemHistory.PAGE);
    });
    List<RecordingPorts.Call> deletes = recorded.calls("BlobStore.deleteAll");
    assertThat(deletes).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(call -> assertThat((Collection<?>) call.arg(1)).hasSizeLessThanOrEqualTo(CollectionPayloads.PAGE));
    assertThat(deletes.stream().mapToInt(call -> ((Collection<?>) call.arg(1)).size()).sum()).isEqualTo(orphans);
    assertThat(udm.with(ctx).history(id)).hasSize(versions);
    assertThat(udm.maintenance().verify(ctx).ok()).isTrue();
  }

  private long historyReadsBefore(RecordingPorts.Call call) {
    long reads = 0;
    for (RecordingPorts.Call c : recorded.all()) {
      if (c == call) {
        return reads;
      }
      if (c.method().equals("VersionLog.history")) {
        reads++;
      }
    }
    throw new AssertionError("the call was not recorded");
  }
}
