package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.EnrichOptions;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.json.JsonValues;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import io.udm.spi.ItemKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant B calls every operation with tenant A's ids, in the same database and collection names:
 * reads are empty, writes are NotFound, maintenance finds nothing, and A's data is unchanged. One
 * backend pair, so both tenants' data share every store and only the keys keep them apart. Each
 * wiring (memory; MongoDB + S3 servers in the JVM) runs it on its own stores.
 */
public abstract class TenantIsolationSuite {
  private final MutableClock clock;
  private final StoragePorts ports;
  private final Udm udm;
  private final RouteContext tenantA = RouteContext.of(TestStores.tenant("tenant-a"), "crm", "users");
  private final RouteContext tenantB = RouteContext.of(TestStores.tenant("tenant-b"), "crm", "users");

  protected TenantIsolationSuite(TestStores stores) {
    // Blobs are stamped by this clock in memory (by real time on S3, where it starts at real time),
    // so moving it ages A's orphans past the grace below and garbage collection really weighs them.
    clock = stores.clock("2026-01-01T00:00:00Z");
    ports = stores.ports(clock);
    udm = TestUdms.open(
        UdmConfig.builder().hardDeleteEnabled(true)
            .putCollectionMaps("users", CollectionMap.builder().addIndexedProps("email")
                .putBase64Props("avatar", io.udm.api.config.Base64Prop.builder().contentType("image/png").build())
                .build()).build(),
        ports, clock, MemoryPorts.sequentialIds());
  }

  @AfterEach
  void close() {
    udm.close();
  }

  @Test
  void anotherTenantCannotReadChangeOrRemoveAnItem() {
    ItemOps a = udm.with(tenantA);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String avatar = java.util.Base64.getEncoder().encodeToString(("secret-avatar-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String id = a.create(Map.of("email", "a" + i + "@x.io", "avatar", avatar)).id();
      a.update(id, Map.of("email", "a" + i + "@y.io", "avatar", avatar));
      ids.add(id);
    }
    List<List<VersionInfo>> historiesBefore = ids.stream().map(a::history).toList();
    List<ItemView> latestBefore = ids.stream().map(id -> a.getLatest(id).orElseThrow()).toList();

    ItemOps b = udm.with(tenantB);
    ReadOptions everything = ReadOptions.builder().includeDeleted(true).build();
    ReadOptions presigned = ReadOptions.builder().includeDeleted(true).inlineContent(true)
        .presignTtl(Duration.ofMinutes(5)).build();
    int cases = 0;
    String bOwn = b.create(Map.of("email", "b@x.io")).id();
    for (String id : ids) {
      assertThat(b.getLatest(id, everything)).isEmpty();
      assertThat(b.getVersion(id, 1, everything)).isEmpty();
      assertThat(b.getAsOf(id, Instant.parse("2100-01-01T00:00:00Z"), everything)).isEmpty();
      assertThat(b.history(id)).isEmpty();
      assertThat(b.getLatest(id, presigned)).isEmpty();
      assertThat(b.getVersion(id, 2, presigned)).isEmpty();
      cases += 6;
      // A's content reference, as A's reads return it, is worth nothing in B's items.
      com.fasterxml.jackson.databind.JsonNode stolen = a.getLatest(id).orElseThrow().data().get("avatar");
      com.fasterxml.jackson.databind.node.ObjectNode withStolen = JsonValues.fromMap(Map.of("email", "b@x.io"));
      withStolen.set("avatar", stolen);
      assertThatThrownBy(() -> b.update(bOwn, withStolen)).isInstanceOf(io.udm.api.error.ExternalizationException.class);
      assertThatThrownBy(() -> b.create(withStolen, WriteOptions.builder().objectId(id).build()))
          .isInstanceOf(io.udm.api.error.ExternalizationException.class);
      cases += 2;
      List<Consumer<String>> writes = List.of(
          x -> b.update(x, Map.of("email", "evil@x.io")),
          x -> b.update(x, Map.of("email", "evil@x.io"), WriteOptions.builder().expectedOv(2).build()),
          x -> b.delete(x),
          x -> b.enrich(x, Map.of("email", "evil@x.io"), EnrichOptions.builder().functionId("evil@1").build()),
          x -> b.restoreObject(x, RestoreTarget.version(1)),
          x -> udm.maintenance().hardDelete(tenantB, x, HardDeleteOptions.confirmed()));
      for (Consumer<String> write : writes) {
        assertThatThrownBy(() -> write.accept(id)).isInstanceOf(NotFoundException.class);
        cases++;
      }
    }
    assertThat(b.listByMeta(MetaQuery.all(), ListOptions.builder().includeDeleted(true).build()).items())
        .extracting(ItemView::id).containsExactly(bOwn);
    assertThat(b.listByMeta(Map.of("email", "a0@y.io"), ListOptions.defaults()).items()).isEmpty();
    // Objects of A's first item that no version references, as a failed write leaves them.
    BlobStore blobs = ports.backends().get(udm.route(tenantA).index()).blobs();
    ItemKey firstOfA = ItemKey.of(tenantA, ids.get(0));
    String orphanPayload = StorageKeys.payload(firstOfA, 3, "failed-attempt");
    String orphanContent = StorageKeys.content(firstOfA, "0".repeat(64));
    blobs.put(BlobArea.JSON, orphanPayload, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
    blobs.put(BlobArea.CONTENT, orphanContent, new byte[] {1}, "image/png");
    clock.advance(Duration.ofDays(30));
    assertThat(udm.maintenance().collectGarbage(tenantB, Duration.ofDays(1)).orphanObjects()).isZero();
    assertThat(blobs.head(BlobArea.JSON, orphanPayload)).as("A's orphan payload after GC under B").isPresent();
    assertThat(blobs.head(BlobArea.CONTENT, orphanContent)).as("A's orphan content after GC under B").isPresent();
    assertThat(udm.maintenance().verify(tenantB).itemsChecked()).isEqualTo(1);
    assertThat(udm.maintenance().applyRetention(tenantB).versionsPruned()).isZero();
    assertThat(udm.maintenance().shrinkDevShadows(tenantB, io.udm.api.ShrinkOptions.dryRun()).shadowsShrunk()).isZero();
    cases += 6;

    assertThat(ids.stream().map(a::history).toList()).isEqualTo(historiesBefore);
    assertThat(ids.stream().map(id -> a.getLatest(id).orElseThrow()).toList())
        .usingRecursiveFieldByFieldElementComparator().isEqualTo(latestBefore);
    // The control: the same GC under A does take A's orphans (so the check under B could fail), and nothing else.
    assertThat(udm.maintenance().collectGarbage(tenantA, Duration.ofDays(1)).orphanObjects()).isEqualTo(2);
    assertThat(blobs.head(BlobArea.JSON, orphanPayload)).isEmpty();
    assertThat(blobs.head(BlobArea.CONTENT, orphanContent)).isEmpty();
    assertThat(udm.maintenance().verify(tenantA).problems()).isEmpty();
    assertThat(ids.stream().map(a::history).toList()).isEqualTo(historiesBefore);
    assertThat(b.history(bOwn)).hasSize(1);
    System.out.println("[security] tenant isolation: " + cases + " cross-tenant calls, A's items unchanged");
  }
}
