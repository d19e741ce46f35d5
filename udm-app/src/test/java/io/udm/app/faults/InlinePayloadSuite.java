package io.udm.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.Change;
import io.udm.api.ChangeQuery;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VerifyProblem;
import io.udm.api.VersionInfo;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.StorageConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.app.TestUdms;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BlobArea;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Small payloads kept inside their version records ({@code storage.inlineMaxBytes}): a small write
 * sends nothing to object storage, a large one exactly one upload, and every reader (reads,
 * history, diff, the feed with data, restore, retention, hard delete, verify) treats both kinds
 * alike, on items that mix them and under another threshold than the one they were written with.
 * Each wiring runs it.
 */
public abstract class InlinePayloadSuite {
  private static final int THRESHOLD = 4096;

  protected FaultFixture fx;
  private RouteContext ctx;
  private Udm udm;
  private ItemOps ops;

  /** A fresh fixture on the wiring under test (fresh stores, or shared servers: ctx is unique per test). */
  protected abstract FaultFixture newFixture();

  @BeforeEach
  void open() {
    fx = newFixture();
    ctx = RouteContext.of("in" + UUID.randomUUID().toString().substring(0, 8), "db", "notes");
    udm = open(THRESHOLD);
    ops = udm.with(ctx);
  }

  private Udm open(int inlineMaxBytes) {
    return TestUdms.open(config(inlineMaxBytes).build(), fx.faulty, fx.clock, fx.ids);
  }

  private io.udm.api.config.ImmutableUdmConfig.Builder config(int inlineMaxBytes) {
    return UdmConfig.builder().from(fx.config).hardDeleteEnabled(true)
        .storage(StorageConfig.builder().inlineMaxBytes(inlineMaxBytes).build());
  }

  private static Map<String, Object> large(int n) {
    return Map.of("n", n, "text", "x".repeat(THRESHOLD));
  }

  private long uploads() {
    return fx.faults.trace().stream().filter(call -> call.startsWith("blobs.put")).count();
  }

  private List<VersionRecord> log(String id) {
    return fx.history(ctx, id);
  }

  @Test
  void aSmallWriteUploadsNothingAndALargeOneExactlyItsPayload() {
    fx.faults.reset();
    String id = ops.create(Map.of("name", "Ada")).id();
    ops.update(id, Map.of("name", "Ada", "n", 2));
    assertThat(uploads()).as("uploads for two small writes").isZero();

    ops.update(id, large(3));
    assertThat(uploads()).as("uploads for one large write").isEqualTo(1);
    assertThat(log(id)).extracting(VersionRecord::payloadInline).containsExactly(true, true, false);
    assertThat(fx.payloads(ctx)).as("objects in the JSON bucket").hasSize(1);
  }

  @Test
  void everyReaderSeesBothKindsAlikeOnAnItemThatMixesThem() {
    String id = ops.create(Map.of("name", "Ada", "note", "Zoë ☃ \"quoted\"")).id();
    ops.update(id, large(2));
    ops.update(id, Map.of("name", "Grace", "n", 3.5));

    assertThat(ops.getLatest(id).orElseThrow().data().path("name").asText()).isEqualTo("Grace");
    assertThat(ops.getVersion(id, 1).orElseThrow().data().path("note").asText()).isEqualTo("Zoë ☃ \"quoted\"");
    assertThat(ops.getVersion(id, 2).orElseThrow().data().path("text").asText()).hasSize(THRESHOLD);
    assertThat(ops.history(id)).extracting(VersionInfo::ov).containsExactly(1L, 2L, 3L);
    assertThat(ops.diff(id, 1, 3).patch()).isNotEmpty();
    List<Change> changes = ops.changes(ChangeQuery.builder().afterCv(0).includeData(true).limit(10).build()).changes();
    assertThat(changes).extracting(c -> c.data().orElseThrow().path("name").asText())
        .containsExactly("Ada", "", "Grace");

    var restored = ops.restoreObject(id, RestoreTarget.version(1));
    assertThat(ops.getLatest(id).orElseThrow().data().path("note").asText()).isEqualTo("Zoë ☃ \"quoted\"");
    assertThat(log(id).get((int) restored.ov() - 1).payloadInline()).isTrue();
  }

  @Test
  void dataWrittenUnderAnotherThresholdStaysReadable() {
    ItemOps objects = open(0).with(ctx);
    String id = objects.create(Map.of("name", "Ada")).id();
    ops.update(id, Map.of("name", "Grace"));
    ItemOps objectsAgain = open(0).with(ctx);

    assertThat(log(id)).extracting(VersionRecord::payloadInline).containsExactly(false, true);
    assertThat(objectsAgain.getLatest(id).orElseThrow().data().path("name").asText()).isEqualTo("Grace");
    assertThat(ops.getVersion(id, 1).orElseThrow().data().path("name").asText()).isEqualTo("Ada");
    assertThat(udm.maintenance().verify(ctx).problems()).isEmpty();
  }

  @Test
  void retentionAndHardDeleteRemoveBothKindsAndLeaveNothingBehind() {
    Udm pruning = TestUdms.open(config(THRESHOLD)
        .retention(RetentionConfig.builder().ver(VersionRetention.builder().maxPerItem(1).build()).build()).build(),
        fx.faulty, fx.clock, fx.ids);
    String id = ops.create(Map.of("n", 1)).id();
    ops.update(id, large(2));
    ops.update(id, Map.of("n", 3));

    pruning.maintenance().applyRetention(ctx);
    assertThat(log(id)).extracting(VersionRecord::ov).containsExactly(3L);
    assertThat(fx.payloads(ctx)).as("the large version's object went with it").isEmpty();

    String other = ops.create(large(1)).id();
    ops.update(other, Map.of("n", 2));
    udm.maintenance().hardDelete(ctx, other, HardDeleteOptions.confirmed());
    assertThat(log(other)).isEmpty();
    assertThat(fx.head(ctx, other)).isEmpty();
    assertThat(fx.backend(ctx).blobs().list(BlobArea.JSON, StorageKeys.itemPrefix(ItemKey.of(ctx, other)),
        java.util.Optional.empty(), 10)).isEmpty();
  }

  @Test
  void verifyFindsAndRepairsAnItemWhoseOnlyTraceIsItsInlineVersion() {
    // A create that crashed after its append, before its head: no head and no object.
    fx.faults.on("heads.insert", 1, FaultInjector.Action.CRASH_BEFORE);
    String id = "crashed";
    try {
      ops.create(Map.of("name", "Ada"), io.udm.api.WriteOptions.builder().objectId(id).build());
      throw new AssertionError("the create was to crash before its head");
    } catch (SimulatedCrash expected) {
      // the process died here
    }
    fx.faults.reset();
    assertThat(fx.head(ctx, id)).isEmpty();
    assertThat(fx.payloads(ctx)).isEmpty();

    List<VerifyProblem> problems = udm.maintenance().verify(ctx).problems();
    assertThat(problems).extracting(VerifyProblem::kind, VerifyProblem::itemId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(VerifyProblem.Kind.ORPHAN_VERSION, id));
    assertThat(fx.head(ctx, id)).as("rolled forward by verify").isPresent();
    assertThat(udm.maintenance().verify(ctx).problems()).isEmpty();
  }

  @Test
  void verifyReportsAnInlinePayloadChangedBehindUdmsBackAndNothingOnAControl() {
    String damaged = ops.create(Map.of("name", "Ada")).id();
    String control = ops.create(Map.of("name", "Ada")).id();
    assertThat(udm.maintenance().verify(ctx).problems()).isEmpty();

    // Someone edits the stored record: same ov and write id, another payload.
    ItemKey key = ItemKey.of(ctx, damaged);
    VersionRecord stored = fx.backend(ctx).versions().find(key, 1).orElseThrow();
    fx.backend(ctx).versions().delete(key, List.of(1L));
    fx.backend(ctx).versions().append(stored.withInlinePayload("{\"name\":\"Mallory\"}"));

    List<VerifyProblem> problems = udm.maintenance().verify(ctx).problems();
    assertThat(problems).extracting(VerifyProblem::itemId).containsOnly(damaged);
    assertThat(problems).extracting(VerifyProblem::kind).contains(VerifyProblem.Kind.DAMAGED_PAYLOAD);
    assertThat(problems).noneMatch(p -> p.itemId().equals(control));
  }
}
