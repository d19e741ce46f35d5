package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.ItemOps;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.Base64Prop;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.LimitsConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ExternalizationException;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BlobArea;
import io.udm.spi.ItemKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How content reaches the store: uploads counted with a spy over the real adapters. Each wiring
 * (memory; MongoDB + S3 servers in the JVM) runs it on its own stores.
 */
public abstract class ContentStorageSuite {
  protected final RouteContext ctx = RouteContext.of(TestStores.tenant("acme"), "crm", "users");

  protected final MutableClock clock;
  private final CountingPorts spy = new CountingPorts();
  private final StoragePorts ports;
  protected Udm udm;

  /** {@code stores} has one backend pair, the one the checks behind UDM's back look at. */
  protected ContentStorageSuite(TestStores stores) {
    clock = stores.clock("2026-01-01T00:00:00Z");
    ports = stores.ports(clock);
    udm = open(LimitsConfig.builder().build());
  }

  protected Udm open(LimitsConfig limits) {
    UdmConfig config = UdmConfig.builder()
        .putCollectionMaps("users", CollectionMap.builder()
            .putBase64Props("avatar", Base64Prop.builder().contentType("image/png").build())
            .build())
        .limits(limits)
        .build();
    return TestUdms.open(config, spy.wrap(ports), clock, MemoryPorts.sequentialIds());
  }

  @AfterEach
  void close() {
    udm.close();
  }

  protected static Map<String, Object> item(String status, byte[] avatar) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("avatar", Base64.getEncoder().encodeToString(avatar));
    return m;
  }

  protected static byte[] bytes(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void unchangedContentIsNotUploadedAgain() {
    ItemOps ops = udm.with(ctx);
    byte[] avatar = bytes(1, 4096);
    String id = ops.create(item("v1", avatar)).id();
    for (int v = 2; v <= 5; v++) {
      ops.update(id, item("v" + v, avatar));
    }
    assertThat(spy.count("BlobStore.put@CONTENT")).isEqualTo(1);

    ops.update(id, item("v6", bytes(2, 4096)));
    assertThat(spy.count("BlobStore.put@CONTENT")).isEqualTo(2);
    // Each version's own payload is stored once: inside its record when small, else as one object.
    long objectPayloads = ports.backends().get(0).versions().history(ItemKey.of(ctx, id)).stream()
        .filter(v -> !v.payloadInline()).count();
    assertThat(spy.count("BlobStore.put@JSON")).isEqualTo(objectPayloads);
  }

  @Test
  void refusedContentCausesNoWriteAtAll() {
    ItemOps ops = udm.with(ctx);
    Map<String, Object> bad = item("v1", bytes(3, 10));
    bad.put("avatar", "%%%");

    assertThatThrownBy(() -> ops.create(bad, WriteOptions.builder().objectId("x1").build()))
        .isInstanceOf(ExternalizationException.class);

    assertThat(spy.count("BlobStore.put")).isZero();
    assertThat(spy.count("SequenceStore.next")).isZero();
    assertThat(spy.count("VersionLog.append")).isZero();
  }

  @Test
  void contentAboveTheLimitIsRefusedBeforeDecoding() {
    udm.close();
    udm = open(LimitsConfig.builder().maxContentBytes(1000).build());

    assertThatThrownBy(() -> udm.with(ctx).create(item("v1", bytes(4, 1001))))
        .isInstanceOf(ExternalizationException.class).hasMessageContaining("limits.maxContentBytes");
    assertThat(udm.with(ctx).create(item("v1", bytes(4, 1000))).ov()).isEqualTo(1);
  }

  @Test
  void garbageCollectionRemovesContentNoVersionReferencesOnceOldEnough() {
    ItemOps ops = udm.with(ctx);
    byte[] kept = bytes(6, 100);
    String id = ops.create(item("v1", kept)).id();
    // What a write that uploaded its content and then failed leaves behind.
    String orphan = StorageKeys.content(ItemKey.of(ctx, id), "0".repeat(64));
    ports.backends().get(0).blobs().put(BlobArea.CONTENT, orphan, new byte[] {1}, "image/png");

    clock.advance(Duration.ofMinutes(59));
    assertThat(udm.maintenance().collectGarbage(ctx, Duration.ofHours(1)).orphanObjects()).isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(udm.maintenance().collectGarbage(ctx, Duration.ofHours(1)).orphanObjects()).isEqualTo(1);

    assertThat(ports.backends().get(0).blobs().head(BlobArea.CONTENT, orphan)).isEmpty();
    assertThat(Base64.getDecoder().decode(ops.getLatest(id, ReadOptions.builder().inlineContent(true).build())
        .orElseThrow().data().get("avatar").textValue())).isEqualTo(kept);
  }

  @Test
  void contentRemovedBehindUdmsBackIsReportedByVerifyAndByInlineReads() {
    ItemOps ops = udm.with(ctx);
    String id = ops.create(item("v1", bytes(7, 50))).id();
    ops.update(id, item("v2", bytes(7, 50)));
    String key = ops.getLatest(id).orElseThrow().content().get("avatar").key();
    assertThat(udm.maintenance().verify(ctx).problems()).isEmpty();

    ports.backends().get(0).blobs().delete(BlobArea.CONTENT, key);

    assertThat(udm.maintenance().verify(ctx).problems())
        .extracting(io.udm.api.VerifyProblem::kind, io.udm.api.VerifyProblem::itemId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(io.udm.api.VerifyProblem.Kind.MISSING_CONTENT, id),
            org.assertj.core.groups.Tuple.tuple(io.udm.api.VerifyProblem.Kind.MISSING_CONTENT, id));
    assertThatThrownBy(() -> ops.getLatest(id, ReadOptions.builder().inlineContent(true).build()))
        .isInstanceOf(io.udm.api.error.StorageException.class)
        .hasMessageContaining("missing from the content bucket").hasMessageContaining("verify");
    assertThat(ops.getLatest(id).orElseThrow().content()).containsKey("avatar");
  }

  @Test
  void aVersionRecordNamingContentOutsideItsItemIsNeverSignedNorFetched() {
    ItemOps ops = udm.with(ctx);
    String victim = ops.create(item("victim", bytes(8, 50))).id();
    String id = ops.create(item("v1", bytes(9, 50))).id();
    io.udm.api.ContentRef victimRef = ops.getLatest(victim).orElseThrow().content().get("avatar");
    // A record changed behind UDM's back to point at another item's content.
    io.udm.spi.VersionLog log = ports.backends().get(0).versions();
    io.udm.spi.VersionRecord v1 = log.find(ItemKey.of(ctx, id), 1).orElseThrow();
    io.udm.spi.VersionRecord forged = new io.udm.spi.VersionRecord(v1.key(), 2, v1.cv() + 10, v1.at(), v1.op(),
        v1.actor(), v1.reason(), v1.functionId(), java.util.Optional.empty(), java.util.Optional.empty(), "forged",
        v1.payloadKey(), v1.payloadBytes(), v1.meta(), v1.system(), java.util.List.of(victimRef));
    log.append(v1.inlinePayload().map(forged::withInlinePayload).orElse(forged));
    spy.reset();

    for (ReadOptions opts : java.util.List.of(
        ReadOptions.builder().presignTtl(Duration.ofMinutes(1)).build(),
        ReadOptions.builder().inlineContent(true).build())) {
      assertThatThrownBy(() -> ops.getLatest(id, opts))
          .isInstanceOf(io.udm.api.error.StorageException.class).hasMessageContaining("names content outside the item");
    }
    assertThat(spy.count("BlobStore.presignGet")).isZero();
    assertThat(spy.count("BlobStore.get@CONTENT")).isZero();
  }
}
