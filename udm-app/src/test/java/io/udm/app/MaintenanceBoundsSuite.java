package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.udm.api.GcResult;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VerifyProblem;
import io.udm.api.VerifyProblem.Kind;
import io.udm.api.VerifyReport;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.maintenance.GarbageCollector;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.ItemKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maintenance walks a collection without holding it: verify merges heads and payload keys a page
 * at a time, garbage collection re-reads an item's references once per batch of orphans. Each
 * wiring (memory; MongoDB + S3 servers in the JVM) runs these on its own ports, so the real key
 * orders of both stores are the ones merged.
 */
public abstract class MaintenanceBoundsSuite {
  protected MutableClock clock;
  protected StoragePorts raw;
  protected RecordingPorts recorded;
  protected Udm udm;
  protected RouteContext ctx;

  /** Fresh storage ports on the wiring under test; blobs are stamped by {@code clock} where the store allows. */
  protected abstract StoragePorts openPorts(UdmConfig config, MutableClock clock);

  @BeforeEach
  void open() {
    // Real time: S3 stamps objects with it, and garbage collection ages them against UDM's clock.
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS), Duration.ofMillis(1));
    // Payload objects: how garbage collection and verify page through them.
    UdmConfig config = UdmConfig.builder().storage(PayloadLayouts.objectPayloads()).build();
    raw = openPorts(config, clock);
    recorded = new RecordingPorts();
    udm = TestUdms.open(config, recorded.wrap(raw), clock, MemoryPorts.sequentialIds());
    ctx = RouteContext.of("b" + UUID.randomUUID().toString().substring(0, 8), "db", "items");
  }

  @AfterEach
  void close() {
    udm.close();
  }

  protected BackendPorts backend() {
    return raw.backends().get(udm.route(ctx).index());
  }

  protected String create(String objectId) {
    return udm.with(ctx).create(Map.of("n", 1), WriteOptions.builder().objectId(objectId).build()).id();
  }

  protected void putOrphanPayload(String objectId, long ov) {
    backend().blobs().put(BlobArea.JSON, StorageKeys.payload(ItemKey.of(ctx, objectId), ov, "failed-" + UUID.randomUUID()),
        "{}".getBytes(StandardCharsets.UTF_8), "application/json");
  }

  // ------------------------------------------------------------------ verify

  @Test
  void verifyChecksEveryItemOnceWhenOneIdIsAnotherFollowedByADashOrADot() {
    // Key order is that of "id/", so payloads list a-1-x, a-1, a.1, a, a0, b-2, b, c-1, c while heads
    // come as a, a-1, a.1, a0, b, b-2, c, c-1: ids arrive on the payload side after the heads passed them.
    for (String id : List.of("a", "a-1", "a.1", "a0", "b", "b-2", "c", "c-1")) {
      create(id);
    }
    putOrphanPayload("a-1-x", 1); // no version, no head: found from its payload only
    for (String headless : List.of("a0", "b-2", "c")) {
      backend().heads().delete(ItemKey.of(ctx, headless));
    }

    VerifyReport report = udm.maintenance().verify(ctx);

    assertThat(report.itemsChecked()).isEqualTo(9);
    assertThat(report.problems()).extracting(VerifyProblem::kind, VerifyProblem::itemId).containsExactlyInAnyOrder(
        tuple(Kind.ORPHAN_PAYLOAD, "a-1-x"),
        tuple(Kind.ORPHAN_VERSION, "a0"),
        tuple(Kind.ORPHAN_VERSION, "b-2"),
        tuple(Kind.ORPHAN_VERSION, "c"));
    assertThat(report.problemsFound()).isEqualTo(4);
    assertThat(report.truncated()).isFalse();
    assertThat(udm.maintenance().verify(ctx).problems()).as("the orphan versions were repaired")
        .extracting(VerifyProblem::kind).containsExactly(Kind.ORPHAN_PAYLOAD);
  }

  // ------------------------------------------------------------------ garbage collection

  @Test
  void garbageCollectionReadsAnItemsReferencesOncePerBatchOfContentOrphansNotOncePerOrphan() {
    int orphans = GarbageCollector.CONTENT_BATCH + 20;
    ItemKey key = ItemKey.of(ctx, create("many-orphans"));
    for (int i = 0; i < orphans; i++) {
      backend().blobs().put(BlobArea.CONTENT, StorageKeys.content(key, String.format("%064x", i)), new byte[] {(byte) i},
          "image/png");
    }
    clock.advance(Duration.ofHours(2));
    recorded.reset();

    GcResult result = udm.maintenance().collectGarbage(ctx, Duration.ofHours(1));

    assertThat(result.orphanObjects()).isEqualTo(orphans);
    int batches = (orphans + GarbageCollector.CONTENT_BATCH - 1) / GarbageCollector.CONTENT_BATCH;
    // One pass to tell the payloads' references, one for the content's, then one after each batch's delete.
    assertThat(recorded.calls("VersionLog.historyAfter")).hasSize(2 + batches);
    assertThat(recorded.calls("VersionLog.history")).isEmpty();
    assertThat(recorded.calls("BlobStore.deleteAll")).hasSize(batches);
    assertThat(backend().blobs().list(BlobArea.CONTENT, StorageKeys.itemPrefix(key), Optional.empty(), 10)).isEmpty();
    assertThat(udm.maintenance().verify(ctx).ok()).isTrue();
  }
}
