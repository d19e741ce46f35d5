package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.RouteMismatchException;
import io.udm.api.json.JsonValues;
import io.udm.domain.keys.StorageKeys;
import io.udm.domain.write.SystemHeaders;
import io.udm.spi.AppendResult;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The commit protocol's guarantees that need a look behind the API: roll-forward, compensation,
 * placement. Each wiring (memory; MongoDB + S3 servers in the JVM) runs it on its own stores, which
 * have two backend pairs.
 */
public abstract class CommitProtocolSuite {
  private final MutableClock clock;
  private final StoragePorts ports;
  private final Udm udm;
  private final RouteContext ctx = RouteContext.of(TestStores.tenant("acme"), "crm", "notes");
  private final ItemOps ops;
  private final BackendPorts backend;

  protected CommitProtocolSuite(TestStores stores) {
    clock = stores.clock("2026-03-01T00:00:00Z");
    ports = stores.ports(clock);
    udm = TestUdms.open(UdmConfig.builder().build(), ports, clock, MemoryPorts.sequentialIds());
    ops = udm.with(ctx);
    backend = ports.backends().get(udm.route(ctx).index());
  }

  @AfterEach
  void close() {
    udm.close();
  }

  /** Simulates a writer that crashed after appending its version record, before moving the head. */
  private VersionRecord appendBehindTheHeadsBack(String id, String text) {
    ItemKey key = ItemKey.of(ctx, id);
    VersionRecord latest = backend.versions().latest(key).orElseThrow();
    ObjectNode doc = JsonValues.fromMap(Map.of("text", text));
    var header = SystemHeaders.updated(latest.system(), latest.at().plusSeconds(1));
    String payloadKey = StorageKeys.payload(key, latest.ov() + 1, "crashed-writer");
    byte[] payload = JsonValues.toBytes(SystemHeaders.storedDocument(doc, header));
    backend.blobs().put(BlobArea.JSON, payloadKey, payload, "application/json");
    VersionRecord orphanedHead = new VersionRecord(key, latest.ov() + 1, backend.sequences().next(ctx), header.updatedAt(),
        io.udm.api.Op.UPDATE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        "crashed-writer", payloadKey, payload.length, JsonValues.NODES.objectNode(), header, List.of());
    assertThat(backend.versions().append(orphanedHead)).isEqualTo(AppendResult.APPENDED);
    return orphanedHead;
  }

  @Test
  void aReadRollsALaggingHeadForward() {
    String id = ops.create(Map.of("text", "one")).id();
    appendBehindTheHeadsBack(id, "two");
    assertThat(backend.heads().find(ItemKey.of(ctx, id)).orElseThrow().ov()).isEqualTo(1);

    assertThat(ops.getLatest(id).orElseThrow().data().path("text").asText()).isEqualTo("two");
    assertThat(backend.heads().find(ItemKey.of(ctx, id)).orElseThrow().ov()).isEqualTo(2);
  }

  @Test
  void aWriteOnALaggingHeadBuildsOnTheNewestVersion() {
    String id = ops.create(Map.of("text", "one")).id();
    appendBehindTheHeadsBack(id, "two");

    assertThat(ops.update(id, Map.of("text", "three")).ov()).isEqualTo(3);
    assertThat(backend.heads().find(ItemKey.of(ctx, id)).orElseThrow().ov()).isEqualTo(3);
    assertThat(ops.history(id)).hasSize(3);
  }

  @Test
  void aListingShowsTheRolledForwardStateAfterAnyAccess() {
    String id = ops.create(Map.of("text", "one")).id();
    appendBehindTheHeadsBack(id, "two");
    ops.getLatest(id);
    assertThat(ops.listByMeta(io.udm.api.MetaQuery.all()).items()).singleElement()
        .satisfies(v -> assertThat(v.ov()).isEqualTo(2));
  }

  /** A backend whose log lets another writer commit the same ov just before the next append. */
  private Udm racedUdm(boolean[] armed) {
    VersionLog log = backend.versions();
    VersionLog racing = new ForwardingVersionLog(log) {
      @Override
      public AppendResult append(VersionRecord v, Optional<io.udm.spi.PendingEffects> effects) {
        if (armed[0]) {
          armed[0] = false;
          log.append(new VersionRecord(v.key(), v.ov(), v.cv(), v.at(), v.op(), v.actor(), v.reason(), v.functionId(),
              Optional.empty(), Optional.empty(), "winner", "winner-payload", 1, v.meta(), v.system(), v.content()));
        }
        return log.append(v, effects);
      }
    };
    // Payload objects: the loser's must go (compensation), the first version's stays.
    return TestUdms.open(UdmConfig.builder().storage(PayloadLayouts.objectPayloads()).build(),
        alone(backend, racing), clock, MemoryPorts.sequentialIds());
  }

  private List<String> payloadObjects(String id) {
    return backend.blobs().list(BlobArea.JSON, StorageKeys.itemPrefix(ItemKey.of(ctx, id)), Optional.empty(), 100)
        .stream().map(io.udm.spi.BlobInfo::key).toList();
  }

  @Test
  void theLoserOfARaceOnExpectedOvGetsAnOptimisticLockAndLeavesNoPayloadBehind() {
    boolean[] armed = {false};
    Udm raced = racedUdm(armed);
    String id = raced.with(ctx).create(Map.of("text", "one")).id();
    armed[0] = true;

    assertThatThrownBy(() -> raced.with(ctx).update(id, Map.of("text", "loser"),
        io.udm.api.WriteOptions.builder().expectedOv(1).build()))
        .isInstanceOfSatisfying(io.udm.api.error.OptimisticLockException.class, e -> {
          assertThat(e.expectedOv()).isEqualTo(1);
          assertThat(e.actualOv()).isEqualTo(2);
        });
    assertThat(payloadObjects(id)).singleElement().satisfies(key ->
        assertThat(key).startsWith(StorageKeys.itemPrefix(ItemKey.of(ctx, id)) + "1-"));
    assertThat(backend.heads().find(ItemKey.of(ctx, id)).orElseThrow().ov())
        .as("the head rolled forward to the winner").isEqualTo(2);
  }

  @Test
  void anUnconditionalUpdateThatLostItsOvIsAppliedOnTopOfTheWinnerAndTheLostAttemptsPayloadIsGone() {
    boolean[] armed = {false};
    Udm raced = racedUdm(armed);
    String id = raced.with(ctx).create(Map.of("text", "one")).id();
    armed[0] = true;

    assertThat(raced.with(ctx).update(id, Map.of("text", "after the winner")).ov()).isEqualTo(3);

    assertThat(backend.versions().history(ItemKey.of(ctx, id))).extracting(VersionRecord::writeId)
        .contains("winner").hasSize(3);
    String prefix = StorageKeys.itemPrefix(ItemKey.of(ctx, id));
    assertThat(payloadObjects(id)).as("the first version's and the retry's; the lost attempt's went")
        .hasSize(2).anySatisfy(key -> assertThat(key).startsWith(prefix + "1-"))
        .anySatisfy(key -> assertThat(key).startsWith(prefix + "3-"));
  }

  @Test
  void aCollectionStaysOnTheBackendItWasFirstWrittenTo() {
    String placedOn = udm.route(ctx).backendId();
    ops.create(Map.of("text", "x"));

    // A process that knows only another backend, with the same placement registry.
    BackendPorts other = ports.backends().stream().filter(b -> !b.backendId().equals(placedOn)).findFirst().orElseThrow();
    Udm after = TestUdms.open(UdmConfig.builder().build(), alone(other, other.versions()), clock, MemoryPorts.sequentialIds());

    assertThatThrownBy(() -> after.with(ctx).create(Map.of("text", "y")))
        .isInstanceOf(RouteMismatchException.class)
        .hasMessageContaining(placedOn)
        .hasMessageContaining(other.backendId());
    assertThatThrownBy(() -> after.with(ctx).getLatest("anything")).isInstanceOf(RouteMismatchException.class);
  }

  /** Ports with {@code b} as the only backend pair (its log replaced by {@code log}), sharing the counters store. */
  private StoragePorts alone(BackendPorts b, VersionLog log) {
    BackendPorts only = new BackendPorts(0, b.backendId(), b.heads(), log, b.outbox(), b.requestMemos(), b.sequences(),
        b.blobs(), b.mongoProbe(), b.blobProbe(), b.mongoEndpoint(), b.blobEndpoint());
    return new StoragePorts(List.of(only), ports.counters(), ports.placements(), ports.indexStates(), ports.holds(), ports.retryQueue(),
        ports.countersProbe(), List.of());
  }
}
