package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.CollectionRestoreResult;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.Op;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.app.history.RestoreProgress;
import io.udm.app.history.RestoreService;
import io.udm.app.routing.BackendRouter;
import io.udm.app.write.WritePipeline;
import io.udm.domain.document.DocumentRules;
import io.udm.domain.keys.StorageKeys;
import io.udm.domain.write.VersionPlanner;
import io.udm.spi.AppendResult;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * History features checked behind the API, on the storage itself: what hard delete and retention
 * leave in object storage, and a collection restore that crashes part-way and is run again. Each
 * wiring (memory; MongoDB + S3 servers in the JVM) runs it on its own ports.
 */
public abstract class HistoryStorageSuite {
  /** Small pages, so a handful of items spans several pages and checkpoints. */
  private static final int PAGE = 4;

  protected MutableClock clock;
  private StoragePorts ports;
  private IdGenerator ids;
  private UdmConfig config;
  private Udm udm;
  private String tenant;

  /** Fresh storage ports for {@code config} on the wiring under test. */
  protected abstract StoragePorts openPorts(UdmConfig config, MutableClock clock);

  /** A process's ids: sequential here, so two "processes" must not share a counter start. */
  protected IdGenerator ids() {
    return new IdGenerator() {
      @Override
      public String newObjectId() {
        return UUID.randomUUID().toString();
      }

      @Override
      public String newWriteId() {
        return UUID.randomUUID().toString();
      }
    };
  }

  @BeforeEach
  void open() {
    clock = MutableClock.startingAt("2026-02-01T00:00:00Z");
    // Payload objects: what hard delete and retention remove from object storage (InlinePayloadSuite
    // covers payloads kept in their records).
    config = UdmConfig.builder()
        .storage(PayloadLayouts.objectPayloads())
        .hardDeleteEnabled(true)
        .retention(RetentionConfig.builder().ver(VersionRetention.builder().maxPerItem(2).build()).build())
        .build();
    ports = openPorts(config, clock);
    ids = ids();
    udm = TestUdms.open(config, ports, clock, ids);
    tenant = "h" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void close() {
    udm.close();
  }

  private RouteContext collection(String name) {
    return RouteContext.of(tenant, "db", name);
  }

  private BackendPorts backend(RouteContext ctx) {
    return ports.backends().get(udm.route(ctx).index());
  }

  private List<String> keys(RouteContext ctx, BlobArea area, String prefix) {
    List<String> out = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      List<BlobInfo> page = backend(ctx).blobs().list(area, prefix, after, 100);
      page.forEach(b -> out.add(b.key()));
      if (page.size() < 100) {
        return out;
      }
      after = Optional.of(page.get(page.size() - 1).key());
    }
  }

  @Test
  void hardDeleteLeavesNothingUnderTheItemsPrefixes() {
    RouteContext ctx = collection("docs");
    ItemOps ops = udm.with(ctx);
    String id = ops.create(Map.of("n", 1)).id();
    ops.update(id, Map.of("n", 2));
    ops.delete(id);
    String other = ops.create(Map.of("n", 1)).id();
    ItemKey key = ItemKey.of(ctx, id);
    ItemKey otherKey = ItemKey.of(ctx, other);
    // A content object and the payload of an attempt that never committed also belong to the item.
    backend(ctx).blobs().put(BlobArea.CONTENT, StorageKeys.content(key, "ab12"), new byte[] {1, 2}, "image/png");
    backend(ctx).blobs().put(BlobArea.JSON, StorageKeys.payload(key, 9, "failed-attempt"), new byte[] {'{', '}'},
        "application/json");
    backend(ctx).blobs().put(BlobArea.CONTENT, StorageKeys.content(otherKey, "cd34"), new byte[] {3}, "image/png");
    String prefix = StorageKeys.itemPrefix(key);
    assertThat(keys(ctx, BlobArea.JSON, prefix)).hasSize(4);

    var result = udm.maintenance().hardDelete(ctx, id, HardDeleteOptions.confirmed());

    assertThat(result.versionsRemoved()).isEqualTo(3);
    assertThat(result.objectsRemoved()).isEqualTo(5);
    assertThat(keys(ctx, BlobArea.JSON, prefix)).isEmpty();
    assertThat(keys(ctx, BlobArea.CONTENT, prefix)).isEmpty();
    assertThat(backend(ctx).heads().find(key)).isEmpty();
    assertThat(backend(ctx).versions().history(key)).isEmpty();
    // The other item is untouched.
    String otherPrefix = StorageKeys.itemPrefix(otherKey);
    assertThat(keys(ctx, BlobArea.JSON, otherPrefix)).hasSize(1);
    assertThat(keys(ctx, BlobArea.CONTENT, otherPrefix)).hasSize(1);
    assertThat(ops.getLatest(other)).isPresent();
  }

  @Test
  void retentionRemovesThePayloadsOfPrunedVersionsAndContentNoKeptVersionUses() {
    RouteContext ctx = collection("docs");
    ItemOps ops = udm.with(ctx);
    String id = ops.create(Map.of("n", 1)).id();
    for (int i = 2; i <= 5; i++) {
      ops.update(id, Map.of("n", i));
    }
    ItemKey key = ItemKey.of(ctx, id);
    String prefix = StorageKeys.itemPrefix(key);
    assertThat(keys(ctx, BlobArea.JSON, prefix)).hasSize(5);

    var result = udm.maintenance().applyRetention(ctx);

    assertThat(result.versionsPruned()).isEqualTo(3);
    assertThat(result.objectsRemoved()).isEqualTo(3);
    List<VersionRecord> kept = backend(ctx).versions().history(key);
    assertThat(kept).extracting(VersionRecord::ov).containsExactly(4L, 5L);
    assertThat(keys(ctx, BlobArea.JSON, prefix))
        .containsExactlyInAnyOrderElementsOf(kept.stream().map(VersionRecord::payloadKey).toList());
  }

  /** What a collection looks like to a user: per item, its latest state and its history's ops. */
  private static Map<String, String> state(ItemOps ops, List<String> ids) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : ids) {
      Optional<ItemView> v = ops.getLatest(id, ReadOptions.builder().includeDeleted(true).build());
      List<Op> history = ops.history(id).stream().map(VersionInfo::op).toList();
      out.put(id, v.map(x -> "ov " + x.ov() + (x.deleted() ? " deleted " : " live ") + x.data()).orElse("none")
          + " " + history);
    }
    return out;
  }

  /** Fourteen items: changed, deleted, created after the target, untouched; identical in every collection. */
  private List<String> seed(ItemOps ops) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = String.format("item-%02d", i);
      ops.create(Map.of("n", i, "v", "before"), WriteOptions.builder().objectId(id).build());
      ids.add(id);
    }
    ops.delete("item-09");
    return ids;
  }

  private void changeAfterTarget(ItemOps ops, List<String> ids) {
    for (int i = 0; i < 10; i += 2) {
      ops.update(ids.get(i), Map.of("n", i, "v", "after"));
    }
    ops.delete("item-03");
    for (int i = 10; i < 14; i++) {
      String id = String.format("item-%02d", i);
      ops.create(Map.of("n", i, "v", "new"), WriteOptions.builder().objectId(id).build());
      ids.add(id);
    }
  }

  @Test
  void aRestoreThatCrashesAnywhereAndRunsAgainEndsAsAnUninterruptedOne() {
    RouteContext reference = collection("reference");
    ItemOps refOps = udm.with(reference);
    List<String> ids = seed(refOps);
    long target = ports.backends().get(udm.route(reference).index()).sequences().current(reference);
    changeAfterTarget(refOps, ids);
    CollectionRestoreResult expected = restoreService(ports).restoreCollection(
        reference, RestoreTarget.collectionVersion(target), WriteOptions.none(), RestoreProgress.Listener.NONE);
    assertThat(expected).isEqualTo(new CollectionRestoreResult(expected.cv(), 6, 4, 4));
    Map<String, String> expectedState = state(refOps, ids);

    // Crash after the k-th version this restore appends (after the record, before the head moves).
    for (int crashAfter : new int[] {1, 3, 4, 5, 7, 10}) {
      RouteContext crashed = collection("crash-" + crashAfter);
      ItemOps ops = udm.with(crashed);
      List<String> crashedIds = seed(ops);
      assertThat(ports.backends().get(udm.route(crashed).index()).sequences().current(crashed)).isEqualTo(target);
      changeAfterTarget(ops, crashedIds);

      AtomicInteger appends = new AtomicInteger();
      StoragePorts dying = withVersions(ports, versions -> new CrashingVersionLog(versions, () -> {
        if (appends.incrementAndGet() == crashAfter) {
          throw new SimulatedCrash();
        }
      }));
      assertThatThrownBy(() -> restoreService(dying).restoreCollection(
          crashed, RestoreTarget.collectionVersion(target), WriteOptions.none(), RestoreProgress.Listener.NONE))
          .isInstanceOf(SimulatedCrash.class);
      // A new process picks the run up.
      CollectionRestoreResult rerun = restoreService(ports).restoreCollection(
          crashed, RestoreTarget.collectionVersion(target), WriteOptions.none(), RestoreProgress.Listener.NONE);

      assertThat(rerun).as("crash after %s", crashAfter)
          .isEqualTo(new CollectionRestoreResult(rerun.cv(), expected.restored(), expected.unchanged(), expected.deleted()));
      assertThat(state(ops, crashedIds)).as("crash after %s", crashAfter).isEqualTo(expectedState);
      BackendPorts b = ports.backends().get(udm.route(crashed).index());
      assertThat(keys(crashed, BlobArea.BACKUPS, "restores/" + StorageKeys.collectionPrefix(crashed)))
          .as("checkpoint removed").isEmpty();
      for (String id : crashedIds) {
        assertThat(b.versions().history(ItemKey.of(crashed, id)).stream().filter(v -> v.op() == Op.RESTORE).count())
            .as("RESTORE versions of %s after crash %s", id, crashAfter).isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void progressIsReportedPerPageAndAResumedRunSaysSo() {
    RouteContext ctx = collection("paged");
    ItemOps ops = udm.with(ctx);
    List<String> ids = seed(ops);
    long target = backend(ctx).sequences().current(ctx);
    changeAfterTarget(ops, ids);
    List<RestoreProgress.Snapshot> seen = new ArrayList<>();
    assertThatThrownBy(() -> restoreService(ports).restoreCollection(ctx, RestoreTarget.collectionVersion(target),
        WriteOptions.none(), s -> {
          seen.add(s);
          if (seen.size() == 2) {
            throw new SimulatedCrash();
          }
        }))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(seen).extracting(RestoreProgress.Snapshot::scanned).containsExactly(4L, 8L);
    assertThat(seen.get(1).lastObjectId()).contains("item-07");

    List<RestoreProgress.Snapshot> resumed = new ArrayList<>();
    restoreService(ports).restoreCollection(ctx, RestoreTarget.collectionVersion(target), WriteOptions.none(),
        resumed::add);
    assertThat(resumed).extracting(RestoreProgress.Snapshot::scanned).containsExactly(12L, 14L, 14L);
    assertThat(resumed).allMatch(RestoreProgress.Snapshot::resumed);
    assertThat(resumed.get(resumed.size() - 1).done()).isTrue();
  }

  private RestoreService restoreService(StoragePorts on) {
    BackendRouter router = new BackendRouter(on.backends(), config.routing(), on.placements(), io.udm.spi.Ticker.system());
    VersionPlanner planner = new VersionPlanner(new DocumentRules(config.limits()));
    WritePipeline pipeline = new WritePipeline(router, config, planner, ids, clock, io.udm.spi.Ticker.system(),
        io.udm.app.write.AfterCommitEffects.NONE, new io.udm.app.index.IndexStateTracker(config, on.indexStates()));
    return new RestoreService(pipeline, router, ids, clock, PAGE);
  }

  private static StoragePorts withVersions(StoragePorts ports, java.util.function.UnaryOperator<io.udm.spi.VersionLog> wrap) {
    List<BackendPorts> wrapped = ports.backends().stream()
        .map(b -> b.withVersions(wrap.apply(b.versions())))
        .toList();
    return new StoragePorts(wrapped, ports.counters(), ports.placements(), ports.indexStates(), ports.holds(), ports.retryQueue(), ports.countersProbe(),
        List.of());
  }

  /** Stands for the process dying: an Error, which no saga step compensates. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash");
    }
  }

  /** Appends for real, then runs {@code afterAppend}, which may crash: the head is left behind. */
  private static final class CrashingVersionLog extends ForwardingVersionLog {
    private final Runnable afterAppend;

    CrashingVersionLog(io.udm.spi.VersionLog delegate, Runnable afterAppend) {
      super(delegate);
      this.afterAppend = afterAppend;
    }

    @Override
    public AppendResult append(VersionRecord version, java.util.Optional<io.udm.spi.PendingEffects> effects) {
      AppendResult result = super.append(version, effects);
      if (result instanceof AppendResult.Appended) {
        afterAppend.run();
      }
      return result;
    }
  }

}
