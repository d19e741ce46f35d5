package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.WriteOptimizationConfig;
import io.udm.api.error.StorageException;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A counters store that fails never fails a write; the change is kept, retried and flushed on
 * shutdown. Each wiring (memory; MongoDB + S3 servers in the JVM) runs it on its own stores.
 */
public abstract class CountersRetrySuite {
  private final String tenant = TestStores.tenant("acme");
  private final RouteContext ctx = RouteContext.of(tenant, "crm", "users");
  private final CounterQuery all = CounterQuery.of(tenant, null, null);
  private final MutableClock clock;
  /** The stores of this test: in memory each call gives fresh ones, so a test asks once. */
  private final StoragePorts ports;

  protected CountersRetrySuite(TestStores stores) {
    clock = stores.clock("2026-01-01T00:00:00Z");
    ports = stores.ports(clock);
  }

  /** Refuses additions while {@link #failing} is set. */
  static final class FlakyCounters implements CounterStore {
    final CounterStore delegate;
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger adds = new AtomicInteger();

    FlakyCounters(CounterStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void add(RouteContext collection, CounterDelta delta) {
      if (failing.get()) {
        throw new StorageException("counters store unavailable (injected)", true);
      }
      adds.incrementAndGet();
      delegate.add(collection, delta);
    }

    @Override
    public Totals totals(CounterQuery query) {
      return delegate.totals(query);
    }

    @Override
    public void reset(CounterQuery query) {
      delegate.reset(query);
    }
  }

  private static StoragePorts with(StoragePorts ports, CounterStore counters) {
    return new StoragePorts(ports.backends(), counters, ports.placements(), ports.retryQueue(), ports.countersProbe(),
        ports.resources());
  }

  private Udm udm(FlakyCounters counters, UdmConfig config) {
    return TestUdms.open(config, with(ports, counters), clock, MemoryPorts.sequentialIds());
  }

  @Test
  void writesSucceedWhileTheStoreFailsAndTheChangesArriveOnTheNextWriteOrRead() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    Udm udm = udm(store, UdmConfig.builder().build());
    store.failing.set(true);
    String id = udm.with(ctx).create(Map.of("v", 1)).id();
    udm.with(ctx).update(id, Map.of("v", 2));
    udm.with(ctx).create(Map.of("v", 3));
    assertThat(store.totals(all)).isEqualTo(Totals.zero());

    store.failing.set(false);
    udm.with(ctx).delete(id);
    Totals t = store.totals(all);
    assertThat(java.util.List.of(t.creates(), t.updates(), t.deletes(), t.live())).containsExactly(2L, 1L, 1L, 1L);
    udm.close();
  }

  @Test
  void shutdownFlushesWhatIsPending() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    Udm udm = udm(store, UdmConfig.builder().build());
    store.failing.set(true);
    udm.with(ctx).create(Map.of("v", 1));
    store.failing.set(false);
    udm.admin().shutdown();
    assertThat(store.totals(all).creates()).isEqualTo(1);
  }

  @Test
  void debouncedDeltasAreSummedInMemoryAndFlushedOnReadAndShutdown() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    UdmConfig config = UdmConfig.builder()
        .writeOptimization(WriteOptimizationConfig.builder().debounceCountersMs(3_600_000).build()).build();
    Udm udm = udm(store, config);
    for (int i = 0; i < 5; i++) {
      udm.with(ctx).create(Map.of("v", i));
    }
    assertThat(store.adds.get()).isZero();
    assertThat(udm.counters().getTotals(all).creates()).isEqualTo(5);
    assertThat(store.adds.get()).isEqualTo(1);
    udm.with(ctx).create(Map.of("v", 9));
    udm.close();
    assertThat(store.totals(all).creates()).isEqualTo(6);
    assertThat(store.adds.get()).isEqualTo(2);
  }

  @Test
  void aRecountRepairsTheGaugesWhenPendingChangesDieWithTheProcess() {
    FlakyCounters store = new FlakyCounters(ports.counters());
    StoragePorts shared = with(ports, store);
    Udm dying = TestUdms.open(UdmConfig.builder().build(), shared, clock, MemoryPorts.sequentialIds());
    store.failing.set(true);
    dying.with(ctx).create(Map.of("v", 1), io.udm.api.WriteOptions.builder().objectId("a").build());
    dying.with(ctx).create(Map.of("v", 2), io.udm.api.WriteOptions.builder().objectId("b").build());
    // The process dies without shutdown: its pending changes are lost. A new instance shares the stores.
    store.failing.set(false);
    Udm fresh = TestUdms.open(UdmConfig.builder().build(), shared, clock, MemoryPorts.sequentialIds());
    fresh.with(ctx).create(Map.of("v", 3), io.udm.api.WriteOptions.builder().objectId("c").build());
    assertThat(fresh.counters().getTotals(all).live()).isEqualTo(1);

    io.udm.api.RecountResult r = fresh.maintenance().recountTotals(ctx);
    assertThat(r.itemsScanned()).isEqualTo(3);
    assertThat(r.totals().live()).isEqualTo(3);
    // Operation totals are history: a recount keeps them.
    assertThat(r.totals().creates()).isEqualTo(1);
    fresh.close();
  }
}
