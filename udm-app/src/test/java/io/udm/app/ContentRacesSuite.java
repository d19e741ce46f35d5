package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.EnrichOptions;
import io.udm.api.ItemOps;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.Base64Prop;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.domain.content.ContentCodec;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Content keys are shared by the versions of an item and named by their bytes, so writes, restores,
 * retention and garbage collection can meet on one key. Each test runs the rival operation at the
 * exact moment that used to leave a version pointing at deleted content, and checks that nothing
 * is lost; and changes of base64Props leave older items workable. Each wiring (memory; MongoDB +
 * S3 servers in the JVM) runs it on its own stores.
 */
public abstract class ContentRacesSuite {
  private final RouteContext ctx = RouteContext.of(TestStores.tenant("acme"), "crm", "users");
  private final MutableClock clock;
  private final StoragePorts raw;
  private final AtomicReference<Runnable> beforeRestoreAppend = new AtomicReference<>();
  private final AtomicReference<Runnable> beforeContentDelete = new AtomicReference<>();
  private final List<Udm> opened = new ArrayList<>();

  /** {@code stores} has one backend pair: the hooks below wrap the first. */
  protected ContentRacesSuite(TestStores stores) {
    clock = stores.clock("2026-01-01T00:00:00Z");
    raw = stores.ports(clock);
  }

  /** The raw ports, with a hook that runs once just before the chosen call. */
  private StoragePorts hooked() {
    BackendPorts b = raw.backends().get(0);
    VersionLog log = intercept(VersionLog.class, b.versions(), (method, args) -> method.equals("append")
        && ((VersionRecord) args[0]).op() == io.udm.api.Op.RESTORE ? beforeRestoreAppend : null);
    BlobStore blobs = intercept(BlobStore.class, b.blobs(), (method, args) -> method.startsWith("delete")
        && args[0] == BlobArea.CONTENT ? beforeContentDelete : null);
    BackendPorts hooked = b.withVersions(log).withBlobs(blobs);
    return new StoragePorts(List.of(hooked), raw.counters(), raw.placements(), raw.indexStates(), raw.holds(), raw.retryQueue(), raw.countersProbe(),
        List.of());
  }

  private interface HookChoice {
    AtomicReference<Runnable> hookFor(String method, Object[] args);
  }

  private static <T> T intercept(Class<T> port, T target, HookChoice choice) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      AtomicReference<Runnable> hook = args == null ? null : choice.hookFor(method.getName(), args);
      Runnable once = hook == null ? null : hook.getAndSet(null);
      if (once != null) {
        once.run();
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }));
  }

  private Udm open(StoragePorts ports, CollectionMap map, RetentionConfig retention) {
    Udm udm = TestUdms.open(UdmConfig.builder().putCollectionMaps("users", map).retention(retention).build(), ports,
        clock, MemoryPorts.sequentialIds());
    opened.add(udm);
    return udm;
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
  }

  private static CollectionMap withAvatar() {
    return CollectionMap.builder().putBase64Props("avatar", Base64Prop.builder().build()).build();
  }

  private static Map<String, Object> item(String status, Object avatar) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("avatar", avatar);
    return m;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String inlineAvatar(ItemOps ops, String id) {
    return ops.getLatest(id, ReadOptions.builder().inlineContent(true).build()).orElseThrow().data().get("avatar").asText();
  }

  @Test
  void aRestoreThatRetentionRacesStillCommitsContentThatExists() {
    Udm writer = open(hooked(), withAvatar(), RetentionConfig.builder().build());
    Udm pruner = open(raw, withAvatar(),
        RetentionConfig.builder().ver(VersionRetention.builder().maxPerItem(1).build()).build());
    ItemOps ops = writer.with(ctx);
    String id = ops.create(item("v1", b64("old avatar"))).id();
    ops.update(id, item("v2", b64("new avatar")));
    // Retention prunes ov 1 (the restore's target) after the restore read it, before it commits.
    beforeRestoreAppend.set(() -> assertThat(pruner.maintenance().applyRetention(ctx).versionsPruned()).isEqualTo(1));

    ops.restoreObject(id, RestoreTarget.version(1));

    assertThat(beforeRestoreAppend.get()).isNull();
    assertThat(inlineAvatar(ops, id)).isEqualTo(b64("old avatar"));
    clock.advance(Duration.ofDays(2));
    writer.maintenance().collectGarbage(ctx, Duration.ofDays(1));
    assertThat(writer.maintenance().verify(ctx).problems()).isEmpty();
    assertThat(inlineAvatar(ops, id)).isEqualTo(b64("old avatar"));
  }

  @Test
  void garbageCollectionPutsBackContentAWriteReferencedWhileItWasRemoved() {
    Udm udm = open(hooked(), withAvatar(), RetentionConfig.builder().build());
    ItemOps ops = udm.with(ctx);
    String id = ops.create(item("v1", b64("first"))).id();
    // An orphan left by a failed attempt that uploaded these bytes.
    String key = StorageKeys.content(ItemKey.of(ctx, id),
        ContentCodec.sha256Hex("shared bytes".getBytes(StandardCharsets.UTF_8)));
    raw.backends().get(0).blobs().put(BlobArea.CONTENT, key, "shared bytes".getBytes(StandardCharsets.UTF_8), "image/png");
    clock.advance(Duration.ofHours(2));
    // GC found it old and unreferenced; now a write uploads the same bytes and commits.
    beforeContentDelete.set(() -> ops.update(id, item("v2", b64("shared bytes"))));

    udm.maintenance().collectGarbage(ctx, Duration.ofHours(1));

    assertThat(beforeContentDelete.get()).isNull();
    assertThat(ops.getLatest(id).orElseThrow().content().get("avatar").key()).isEqualTo(key);
    assertThat(inlineAvatar(ops, id)).isEqualTo(b64("shared bytes"));
    assertThat(udm.maintenance().verify(ctx).problems()).isEmpty();
  }

  @Test
  void aPathConfiguredLaterLeavesOlderPlainValuesWorkable() {
    Udm before = open(raw, CollectionMap.builder().build(), RetentionConfig.builder().build());
    String id = before.with(ctx).create(item("v1", "just a nickname")).id();
    ItemOps after = open(raw, withAvatar(), RetentionConfig.builder().build()).with(ctx);

    after.enrich(id, JsonValues.fromMap(Map.of("status", "enriched")), EnrichOptions.builder().functionId("f@1").build());
    after.delete(id);
    after.restoreObject(id, RestoreTarget.version(1));

    ObjectNode data = after.getLatest(id).orElseThrow().data();
    assertThat(data.get("avatar").asText()).isEqualTo("just a nickname");
    assertThat(after.getLatest(id).orElseThrow().content()).isEmpty();
    // Sending the value again is a write of that path: now it must be base64.
    assertThatThrownBy(() -> after.update(id, item("v5", "just a nickname")))
        .isInstanceOf(io.udm.api.error.ExternalizationException.class);
  }

  @Test
  void aPathDroppedFromTheConfigKeepsItsContentThroughEnrichDeleteAndRestore() {
    Udm before = open(raw, withAvatar(), RetentionConfig.builder().build());
    String id = before.with(ctx).create(item("v1", b64("img"))).id();
    ItemOps after = open(raw, CollectionMap.builder().addIndexedProps("avatar").build(), RetentionConfig.builder().build())
        .with(ctx);

    after.enrich(id, JsonValues.fromMap(Map.of("status", "enriched")), EnrichOptions.builder().functionId("f@1").build());
    after.delete(id);
    after.restoreObject(id, RestoreTarget.version(2));

    VersionRecord latest = raw.backends().get(0).versions().latest(ItemKey.of(ctx, id)).orElseThrow();
    assertThat(latest.content()).singleElement().extracting(io.udm.api.ContentRef::path).isEqualTo("avatar");
    assertThat(latest.meta().has("avatar")).as("a reference is no meta value").isFalse();
    assertThat(inlineAvatar(after, id)).isEqualTo(b64("img"));
  }

  @Test
  void oneReferenceInstanceAlsoPutElsewhereIsRefusedThere() {
    ItemOps ops = open(raw, withAvatar(), RetentionConfig.builder().build()).with(ctx);
    String id = ops.create(item("v1", b64("img"))).id();
    ObjectNode data = ops.getLatest(id).orElseThrow().data();
    data.set("profile", data.get("avatar"));

    assertThatThrownBy(() -> ops.update(id, data))
        .isInstanceOf(ValidationException.class).hasMessageContaining("$.profile.$content");
    assertThat(ops.history(id)).hasSize(1);
  }
}
