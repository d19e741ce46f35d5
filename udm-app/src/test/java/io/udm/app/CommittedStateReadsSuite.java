package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.EnrichOptions;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.OptimisticLockException;
import io.udm.spi.AppendResult;
import io.udm.spi.BackendPorts;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How reads and writes learn an item's committed state: by primary key while its head is up to
 * date (a query by item costs more on every store), from the newest record of the log when the
 * head is missing or points at nothing. Each wiring (memory; MongoDB + S3 servers in the JVM) runs
 * it on its own stores.
 */
public abstract class CommittedStateReadsSuite {
  private final CountingPorts spy = new CountingPorts();
  private final Udm udm;
  private final RouteContext ctx = RouteContext.of(TestStores.tenant("acme"), "crm", "notes");
  private final ItemOps ops;
  private final BackendPorts backend;

  protected CommittedStateReadsSuite(TestStores stores) {
    MutableClock clock = stores.clock("2026-03-01T00:00:00Z");
    StoragePorts raw = stores.ports(clock);
    udm = TestUdms.open(UdmConfig.builder().build(), spy.wrap(raw), clock, MemoryPorts.sequentialIds());
    ops = udm.with(ctx);
    backend = raw.backends().get(udm.route(ctx).index());
  }

  @AfterEach
  void close() {
    udm.close();
  }

  @Test
  void readsAndWritesOfAnItemWithAnUpToDateHeadNeverQueryTheLogByItem() {
    String id = ops.create(Map.of("text", "one")).id();
    spy.reset();

    ops.update(id, Map.of("text", "two"));
    ops.enrich(id, Map.of("tag", "x"), EnrichOptions.builder().functionId("tagger").build());
    ops.getLatest(id);

    assertThat(spy.count("VersionLog.latest")).isZero();
    assertThat(spy.count("VersionLog.history")).isZero();
    assertThat(ops.getLatest(id).orElseThrow().ov()).isEqualTo(3);
  }

  @Test
  void aCreateUnderAGeneratedIdReadsNoCommittedState() {
    spy.reset();

    String id = ops.create(Map.of("text", "one")).id();

    assertThat(spy.count("HeadStore.find")).isZero();
    assertThat(spy.count("VersionLog.findAll")).isZero();
    assertThat(spy.count("VersionLog.latest")).isZero();
    assertThat(ops.getLatest(id).orElseThrow().ov()).isEqualTo(1);
  }

  @Test
  void aCreateUnderAnIdWhoseFirstVersionLostItsHeadFindsThatVersion() {
    // A writer crashed after appending ov 1 of "note-1", before inserting its head.
    String crashedId = ops.create(Map.of("text", "template")).id();
    VersionRecord template = backend.versions().latest(ItemKey.of(ctx, crashedId)).orElseThrow();
    ItemKey key = ItemKey.of(ctx, "note-1");
    long cv = backend.sequences().next(ctx);
    assertThat(backend.versions().append(new VersionRecord(key, 1, cv, template.at(), template.op(),
        template.actor(), template.reason(), template.functionId(), template.requestId(), template.requestHash(),
        "crashed-writer", template.payloadKey(), template.payloadBytes(), template.meta(), template.system(),
        template.content()))).isEqualTo(AppendResult.APPENDED);

    assertThatThrownBy(() -> ops.create(Map.of("text", "again"), WriteOptions.builder().objectId("note-1").build()))
        .isInstanceOfSatisfying(OptimisticLockException.class, e -> assertThat(e.actualOv()).isEqualTo(1));
    assertThat(backend.heads().find(key).orElseThrow().ov()).isEqualTo(1);
  }

  @Test
  void aHeadWhoseRecordIsGoneFallsBackToTheNewestRecordOfTheLog() {
    String id = ops.create(Map.of("text", "one")).id();
    ops.update(id, Map.of("text", "two"));
    ItemKey key = ItemKey.of(ctx, id);
    // An interrupted hard delete (or a damaged store) removed the record the head points at.
    backend.versions().delete(key, List.of(2L));

    assertThat(ops.getLatest(id).orElseThrow().ov()).isEqualTo(1);
  }
}
