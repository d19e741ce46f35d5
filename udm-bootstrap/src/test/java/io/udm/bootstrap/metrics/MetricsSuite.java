package io.udm.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.udm.api.CounterQuery;
import io.udm.api.FallbackApi;
import io.udm.api.FallbackFilter;
import io.udm.api.ItemOps;
import io.udm.api.MetaQuery;
import io.udm.api.QueueStats;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.WriteOptions;
import io.udm.api.config.CacheConfig;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.StorageConfig;
import io.udm.api.config.UdmConfig;
import io.udm.app.PayloadLayouts;
import io.udm.api.config.WriteOptimizationConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.error.ValidationException;
import io.udm.app.MutableClock;
import io.udm.app.TestStores;
import io.udm.app.faults.FaultInjector;
import io.udm.bootstrap.wiring.PortDecorator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Metrics of a UDM built with {@code UdmOptions.builder().meterRegistry(..)}: after a scripted mix
 * of operations the registry holds exactly the calls made, by operation and outcome; storage requests
 * by backend, store and port, each under the port call that sent it, with no secret in any tag; the
 * payload cache's hits and misses; held counter changes and their lag; the fallback queue; and
 * nothing that reads the UDM once it is closed.
 */
abstract class MetricsSuite {
  private final RouteContext users = RouteContext.of(TestStores.tenant("metrics"), "crm", "users");
  private final List<Udm> opened = new ArrayList<>();
  private final MeterRegistry registry = new SimpleMeterRegistry();

  /** A UDM on this suite's wiring, built with {@code options}; {@code clock} drives commit times. */
  protected abstract Udm newUdm(UdmConfig config, MutableClock clock, UdmOptions options);

  /**
   * As {@link #newUdm}, every store call passing {@code faults} first (beneath the API's metrics, where
   * real failures are).
   */
  protected abstract Udm newUdmWithFaults(UdmConfig config, MutableClock clock, UdmOptions options, FaultInjector faults);

  /**
   * As {@link #newUdm}, every store call passing {@code stores} first, just above the storage meter:
   * a test sees there each port call while the requests it sends are counted.
   */
  protected abstract Udm newUdmOverStores(UdmConfig config, MutableClock clock, UdmOptions options,
      PortDecorator stores);

  /** The {@code store} tag of the object store's requests on this wiring. */
  protected abstract String objectStore();

  /** The {@code store} tag of the database's requests (heads, versions, counters, ...) on this wiring. */
  protected abstract String databaseStore();

  /** Whether each port call is exactly one request on this wiring (no server: the call is the request). */
  protected abstract boolean eachPortCallIsOneRequest();

  /** What must never appear in a meter's tags on this wiring: credentials, connection strings, endpoints. */
  protected abstract List<String> secretsAndAddresses();

  private Udm udm(UdmConfig config, MutableClock clock) {
    Udm udm = newUdm(config, clock, UdmOptions.builder().meterRegistry(registry).build());
    opened.add(udm);
    return udm;
  }

  private Udm udmWithFaults(UdmConfig config, MutableClock clock, FaultInjector faults) {
    Udm udm = newUdmWithFaults(config, clock, UdmOptions.builder().meterRegistry(registry).build(), faults);
    opened.add(udm);
    return udm;
  }

  private Udm udm(UdmConfig config) {
    return udm(config, MutableClock.atRealTime());
  }

  private Udm udmOverStores(UdmConfig config, PortDecorator stores) {
    Udm udm = newUdmOverStores(config, MutableClock.atRealTime(), UdmOptions.builder().meterRegistry(registry).build(),
        stores);
    opened.add(udm);
    return udm;
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
  }

  @Test
  void aScriptedMixIsCountedByOperationAndOutcome() {
    ItemOps items = udm(UdmConfig.builder().build()).with(users);
    String ada = items.create(Map.of("name", "Ada", "status", "active")).id();
    String bob = items.create(Map.of("name", "Bob", "status", "active")).id();
    items.create(Map.of("name", "Cy", "status", "inactive"));
    items.update(ada, Map.of("name", "Ada L.", "status", "active"));
    assertThatThrownBy(() -> items.update(ada, Map.of("name", "stale"), WriteOptions.builder().expectedOv(1).build()))
        .isInstanceOf(OptimisticLockException.class);
    assertThatThrownBy(() -> items.update("missing-item", Map.of("name", "nobody")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> items.create(Map.of("_system", Map.of("ov", 9))))
        .isInstanceOf(ValidationException.class);
    items.getLatest(ada);
    items.getLatest(bob);
    items.getLatest("missing-item");
    items.getVersion(ada, 1);
    items.delete(bob);
    items.listByMeta(MetaQuery.all());
    items.history(ada);

    assertThat(count("items", "create", "success")).isEqualTo(3);
    assertThat(count("items", "create", "validation")).isEqualTo(1);
    assertThat(count("items", "update", "success")).isEqualTo(1);
    assertThat(count("items", "update", "conflict")).isEqualTo(1);
    assertThat(count("items", "update", "not_found")).isEqualTo(1);
    assertThat(count("items", "getLatest", "success")).isEqualTo(2);
    assertThat(count("items", "getLatest", "not_found")).isEqualTo(1);
    assertThat(count("items", "getVersion", "success")).isEqualTo(1);
    assertThat(count("items", "delete", "success")).isEqualTo(1);
    assertThat(count("items", "listByMeta", "success")).isEqualTo(1);
    assertThat(count("items", "history", "success")).isEqualTo(1);
    // Nothing else was counted: every call of the mix is above, once.
    long all = registry.find(MeteredUdm.METER).tag("api", "items").timers().stream().mapToLong(Timer::count).sum();
    assertThat(all).isEqualTo(14);
    Timer create = registry.get(MeteredUdm.METER).tags("operation", "create", "outcome", "success").timer();
    assertThat(create.totalTime(TimeUnit.NANOSECONDS)).isPositive();
  }

  @Test
  void theOtherApisAreTimedToo() {
    Udm udm = udm(UdmConfig.builder().build());
    udm.with(users).create(Map.of("name", "Ada"));
    udm.counters().getTotals(CounterQuery.of(users.tenantId(), "crm", "users"));
    udm.admin().health();

    assertThat(count("counters", "getTotals", "success")).isEqualTo(1);
    assertThat(count("admin", "health", "success")).isEqualTo(1);
  }

  @Test
  void storageRequestsAreCountedPerBackendStoreAndPort() {
    // Payload objects, so a write uploads and a read downloads.
    Udm udm = udm(UdmConfig.builder().storage(PayloadLayouts.objectPayloads())
        .cache(CacheConfig.builder().maxBytes(0).build()).build());
    ItemOps items = udm.with(users);
    String backend = udm.route(users).backendId();
    String id = items.create(Map.of("name", "Ada")).id();
    double putsAfterCreate = storageCalls(backend, objectStore(), "blobs", "put");
    items.update(id, Map.of("name", "Ada L."));
    items.getLatest(id);
    items.getLatest(id);
    udm.admin().health();

    assertThat(putsAfterCreate).as("uploads counted for a create").isGreaterThanOrEqualTo(1);
    assertThat(storageCalls(backend, objectStore(), "blobs", "put")).as("uploads counted after an update too")
        .isGreaterThan(putsAfterCreate);
    assertThat(storageCalls(backend, objectStore(), "blobs", "get")).as("payload reads counted")
        .isGreaterThanOrEqualTo(2);
    assertThat(registry.find(MeteredPorts.METER).tags("backend", backend, "port", "heads").timers()).isNotEmpty();
    assertThat(registry.find(MeteredPorts.METER).tags("backend", MeteredPorts.COUNTERS_BACKEND, "port", "placements")
        .timers()).isNotEmpty();
    // Health checks reach the stores too: each store of the pair and the counters store answered one.
    assertThat(registry.find(MeteredPorts.METER).tags("backend", backend, "port", MeteredPorts.HEALTH_PORT)
        .timers().stream().map(t -> t.getId().getTag("store")).collect(Collectors.toSet()))
        .isEqualTo(Stream.of(databaseStore(), objectStore()).collect(Collectors.toSet()));
    assertThat(storageCalls(MeteredPorts.COUNTERS_BACKEND, databaseStore(), MeteredPorts.HEALTH_PORT, "ping"))
        .isGreaterThanOrEqualTo(1);
    List<Timer> failedInPortCalls = registry.find(MeteredPorts.METER).tag("outcome", "error").timers().stream()
        .filter(t -> !"none".equals(t.getId().getTag("port"))).toList();
    assertThat(failedInPortCalls).as("failed requests: %s", described(failedInPortCalls)).isEmpty();
  }

  /** What one call sent from the calling thread: database requests, and object-storage requests. */
  record Requests(String call, long database, long objectStorage, List<String> portCalls) {}

  /**
   * Counts what {@code call} sends on this thread; the debounced flushes it leaves run on another. A
   * read of the collection's placement is the collection's cost, not the call's: the router reads it
   * again once per {@code BackendRouter.PLACEMENT_TTL}, whichever call comes then.
   */
  private Requests requestsOf(PortCallWitness witness, String call, Runnable run) {
    int from = witness.seen().size();
    run.run();
    String caller = Thread.currentThread().getName();
    List<PortCallWitness.Seen> mine = witness.seen().subList(from, witness.seen().size()).stream()
        .filter(seen -> seen.thread().equals(caller) && !seen.port().equals("placements")).toList();
    long objects = mine.stream().filter(seen -> seen.port().equals("blobs"))
        .mapToLong(PortCallWitness.Seen::requestCount).sum();
    long all = mine.stream().mapToLong(PortCallWitness.Seen::requestCount).sum();
    return new Requests(call, all - objects, objects,
        mine.stream().map(seen -> seen.port() + "." + seen.call() + " x" + seen.requestCount()).toList());
  }

  /**
   * The request budget of a small item's calls with default options: a create sends at most 3
   * database requests and none to object storage, an update at most 4 (3 with expectedOv of an item
   * this process wrote last), a getLatest at most 2; a
   * payload above storage.inlineMaxBytes costs exactly one upload. Counter changes and done marks go
   * later in a flush that many writes share, on another thread: they count per flush, not here.
   */
  @Test
  void aSmallItemsCallsStayWithinTheRequestBudget() {
    PortCallWitness witness = new PortCallWitness(registry);
    Udm udm = udmOverStores(UdmConfig.builder().build(), witness);
    ItemOps items = udm.with(users);
    // The collection's first write places it: a cost of the collection, paid once.
    items.create(Map.of("name", "places the collection"));
    String[] id = new String[1];

    Requests create = requestsOf(witness, "create",
        () -> id[0] = items.create(Map.of("name", "Ada", "status", "trial")).id());
    Requests update = requestsOf(witness, "update", () -> items.update(id[0], Map.of("name", "Ada", "status", "paid")));
    Requests expected = requestsOf(witness, "update with expectedOv", () -> items.update(id[0],
        Map.of("name", "Ada", "status", "gone"), WriteOptions.builder().expectedOv(2).build()));
    Requests latest = requestsOf(witness, "getLatest", () -> assertThat(items.getLatest(id[0])).isPresent());
    String large = "x".repeat(StorageConfig.DEFAULT_INLINE_MAX_BYTES);
    Requests largeCreate = requestsOf(witness, "create of a large item", () -> items.create(Map.of("name", large)));

    assertThat(create.database()).as("%s", create).isBetween(1L, 3L);
    assertThat(create.objectStorage()).as("%s", create).isZero();
    assertThat(update.database()).as("an item this process wrote last: %s", update).isBetween(1L, 3L);
    assertThat(update.objectStorage()).as("%s", update).isZero();
    assertThat(expected.database()).as("an item this process wrote last: %s", expected).isBetween(1L, 3L);
    assertThat(expected.objectStorage()).as("%s", expected).isZero();
    assertThat(latest.database()).as("%s", latest).isBetween(1L, 2L);
    assertThat(latest.objectStorage()).as("%s", latest).isZero();
    assertThat(largeCreate.objectStorage()).as("%s", largeCreate).isEqualTo(1);
  }

  @Test
  void everyRequestCarriesThePortCallThatSentIt() {
    PortCallWitness witness = new PortCallWitness(registry);
    Udm udm = udmOverStores(UdmConfig.builder().build(), witness);
    ItemOps items = udm.with(users);
    Tally start = tally(witness);
    String id = items.create(Map.of("name", "Ada", "status", "active")).id();
    items.update(id, Map.of("name", "Ada L.", "status", "active"), WriteOptions.builder().expectedOv(1).build());
    items.update(id, Map.of("name", "Ada K.", "status", "active"));
    items.getLatest(id);
    items.getVersion(id, 1);
    items.history(id);
    items.listByMeta(MetaQuery.all());
    items.delete(id);
    udm.counters().getTotals(CounterQuery.of(users.tenantId(), "crm", "users"));
    udm.admin().health();
    Tally end = tally(witness);
    List<PortCallWitness.Seen> seen = witness.seen().subList(start.portCalls(), end.portCalls());

    assertThat(seen).as("port calls").isNotEmpty();
    assertThat(seen).filteredOn(call -> !call.attributedToItself()).as("requests counted under another port call")
        .isEmpty();
    assertThat(seen).filteredOn(call -> !call.port().equals(MeteredPorts.HEALTH_PORT))
        .filteredOn(call -> call.requests().keySet().stream().anyMatch(meter -> !meter.getTag("store").equals(
            call.port().equals("blobs") ? objectStore() : databaseStore())))
        .as("requests counted under the wrong store").isEmpty();
    // Every request a port call sent was counted while it ran, none later or apart from it.
    long requestsSeen = seen.stream().mapToLong(PortCallWitness.Seen::requestCount).sum();
    assertThat(requestsSeen).isPositive().isEqualTo(end.requests() - start.requests());
    if (eachPortCallIsOneRequest()) {
      assertThat(seen).filteredOn(call -> call.requests().size() != 1
              || !call.requests().values().iterator().next().equals(1L)
              || !call.requests().keySet().iterator().next().getTag("request").equals(call.call()))
          .as("port calls not counted as exactly one request named for the call").isEmpty();
    }
  }

  @Test
  void noTagCarriesASecretOrAnAddress() {
    Udm udm = udm(UdmConfig.builder().build());
    ItemOps items = udm.with(users);
    String id = items.create(Map.of("name", "Ada")).id();
    items.update(id, Map.of("name", "Ada L."));
    items.getLatest(id);
    items.getLatest("missing-item");
    items.listByMeta(MetaQuery.all());
    udm.admin().health();
    udm.close();

    List<Meter> meters = registry.getMeters();
    List<String> secrets = secretsAndAddresses();
    for (Meter meter : meters) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(secrets).as("%s %s", meter.getId().getName(), tag)
            .noneMatch(secret -> tag.getValue().contains(secret) || tag.getKey().contains(secret));
      }
    }
    List<Timer> requests = registry.find(MeteredPorts.METER).timers().stream().toList();
    assertThat(requests).isNotEmpty().allSatisfy(t -> {
      assertThat(t.getId().getTags()).extracting(Tag::getKey)
          .containsExactly("backend", "call", "outcome", "port", "request", "store");
      // Words and backend ids only: no host, path, key, URI or message can hide in these.
      assertThat(t.getId().getTags()).extracting(Tag::getValue).allMatch(v -> v.matches("[A-Za-z][A-Za-z0-9_-]{0,39}"),
          "a word");
    });
  }

  @Test
  void payloadCacheHitsAndMissesAreCounted() {
    // The cache keeps payload objects; payloads kept in their records never reach it.
    ItemOps items = udm(UdmConfig.builder().storage(PayloadLayouts.objectPayloads())
        .cache(CacheConfig.builder().maxBytes(1 << 20).build()).build()).with(users);
    String id = items.create(Map.of("name", "Ada")).id();
    double hits = cache("hit");
    double misses = cache("miss");

    items.getVersion(id, 1);
    items.getVersion(id, 1);
    items.getVersion(id, 1);

    assertThat(cache("hit") + cache("miss") - hits - misses).isEqualTo(3);
    assertThat(cache("hit") - hits).isGreaterThanOrEqualTo(2);
  }

  @Test
  void heldCounterChangesAndHowLongTheyWaitedAreGauged() {
    MutableClock clock = MutableClock.atRealTime();
    UdmConfig debounced = UdmConfig.builder()
        .writeOptimization(WriteOptimizationConfig.builder().debounceCountersMs(600_000).build()).build();
    Udm udm = udm(debounced, clock);
    udm.with(users).create(Map.of("name", "Ada"));
    udm.with(users).create(Map.of("name", "Bob"));
    // Less than the claim on the work lasts: after that it is left to a sweeper.
    clock.advance(Duration.ofSeconds(10));

    assertThat(registry.get("udm.counters.held").gauge().value()).isEqualTo(2);
    assertThat(registry.get("udm.counters.flush.lag").timeGauge().value(TimeUnit.SECONDS)).isBetween(10.0, 11.0);

    // A counters read sends what is held.
    assertThat(udm.counters().getTotals(CounterQuery.of(users.tenantId(), "crm", "users")).creates()).isEqualTo(2);
    assertThat(registry.get("udm.counters.held").gauge().value()).isZero();
    assertThat(registry.get("udm.counters.flush.lag").timeGauge().value(TimeUnit.SECONDS)).isZero();
  }

  @Test
  void theFallbackQueueIsGaugedWhenFallbackIsOn() {
    Udm withoutFallback = udm(UdmConfig.builder().build());
    assertThat(withoutFallback.fallback()).isEmpty();
    assertThat(registry.find("udm.fallback.queue.size").gauge()).isNull();
    withoutFallback.close();

    MutableClock clock = MutableClock.atRealTime();
    FaultInjector faults = new FaultInjector();
    // Short retry delays, so the worker runs out of attempts within milliseconds.
    // The outage is of object storage, where payloads go here.
    Udm udm = udmWithFaults(UdmConfig.builder().storage(PayloadLayouts.objectPayloads())
        .fallback(FallbackConfig.builder().enabled(true).workerEnabled(false)
        .maxAttempts(3).baseDelayMs(1).maxDelayMs(8).build()).build(), clock, faults);
    FallbackApi queue = udm.fallback().orElseThrow();
    ItemOps items = udm.with(users);
    // Only the gauges hold what they sample: a collection must not blank them (held weakly, they showed NaN).
    System.gc();
    assertGaugesShow(queue, 0, 0);

    // The object store refuses uploads: three creates wait in the queue, the oldest for 10 s.
    faults.down("blobs.put", true);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> data = Map.of("name", "queued-" + i);
      assertThatThrownBy(() -> items.create(data)).isInstanceOf(QueuedForRetryException.class);
    }
    List<String> ids = queue.getPendingOps(FallbackFilter.of(users), 10).stream()
        .map(op -> op.itemId().orElseThrow()).toList();
    clock.advance(Duration.ofSeconds(10));
    assertGaugesShow(queue, 3, 0);
    assertThat(registry.get("udm.fallback.queue.oldest.age").timeGauge().value(TimeUnit.SECONDS))
        .as("age of the oldest queued write").isGreaterThanOrEqualTo(10);

    // Still refused when the worker retries: their attempts run out and they become dead letters.
    queue.startWorker();
    awaitQueue(queue, stats -> stats.queueSize() == 0 && stats.deadLetterSize() == 3);
    queue.stopWorker();
    assertGaugesShow(queue, 0, 3);

    // The store is back: the dead letters are retried, committed, and every gauge is back at 0.
    faults.up("blobs.put");
    queue.getDeadLetterOps(FallbackFilter.of(users), 10)
        .forEach(dead -> assertThat(queue.retryDeadLetter(dead.deadLetterId())).isTrue());
    assertGaugesShow(queue, 3, 0);
    queue.startWorker();
    awaitQueue(queue, stats -> stats.queueSize() == 0 && stats.inflight() == 0);
    queue.stopWorker();
    assertGaugesShow(queue, 0, 0);
    assertThat(registry.get("udm.fallback.queue.oldest.age").timeGauge().value(TimeUnit.SECONDS)).isZero();
    assertThat(ids).hasSize(3).allSatisfy(id -> assertThat(items.getLatest(id)).as("queued item %s", id).isPresent());
  }

  /**
   * The queue holds {@code queued} waiting and {@code dead} dead-lettered operations, none in
   * flight, and the gauges show it. They sample the queue at most once a second, so they are given
   * a few seconds to catch up.
   */
  private void assertGaugesShow(FallbackApi queue, long queued, long dead) {
    QueueStats stats = queue.getQueueStats();
    assertThat(List.of(stats.queueSize(), stats.inflight(), stats.deadLetterSize())).as("queue, in flight, dead letters")
        .containsExactly(queued, 0L, dead);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!gaugesShow(queued, dead) && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(50));
    }
    assertThat(registry.get("udm.fallback.queue.size").gauge().value()).as("queue size gauge").isEqualTo(queued);
    assertThat(registry.get("udm.fallback.queue.inflight").gauge().value()).as("in-flight gauge").isZero();
    assertThat(registry.get("udm.fallback.dead.letters").gauge().value()).as("dead-letter gauge").isEqualTo(dead);
  }

  private boolean gaugesShow(long queued, long dead) {
    return registry.get("udm.fallback.queue.size").gauge().value() == queued
        && registry.get("udm.fallback.queue.inflight").gauge().value() == 0
        && registry.get("udm.fallback.dead.letters").gauge().value() == dead;
  }

  private static void awaitQueue(FallbackApi queue, Predicate<QueueStats> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.test(queue.getQueueStats())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the queue did not get there within 30 s: " + queue.getQueueStats());
      }
      sleep(Duration.ofMillis(20));
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Test
  void closingRemovesTheGaugesThatReadTheUdm() {
    Udm udm = udm(UdmConfig.builder().fallback(FallbackConfig.builder().enabled(true).workerEnabled(false).build())
        .build());
    udm.with(users).create(Map.of("name", "Ada"));
    assertThat(registry.find("udm.counters.held").gauge()).isNotNull();

    udm.close();

    assertThat(registry.find("udm.counters.held").gauge()).isNull();
    assertThat(registry.find("udm.cache.payload.requests").functionCounters()).isEmpty();
    assertThat(registry.find("udm.fallback.queue.size").gauge()).isNull();
    // The timers stay: they are totals of what happened.
    assertThat(count("items", "create", "success")).isEqualTo(1);
  }

  private long count(String api, String operation, String outcome) {
    Timer timer = registry.find(MeteredUdm.METER).tags("api", api, "operation", operation, "outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private double storageCalls(String backend, String store, String port, String call) {
    return registry.find(MeteredPorts.METER).tags("backend", backend, "store", store, "port", port, "call", call)
        .timers().stream().mapToLong(Timer::count).sum();
  }

  /** Requests counted in port calls and port calls seen, read together while no port call runs. */
  private record Tally(long requests, int portCalls) {}

  private Tally tally(PortCallWitness witness) {
    return witness.betweenPortCalls(() -> new Tally(requestsInPortCalls(), witness.seen().size()));
  }

  /** Requests counted so far that a port call sent (not those of opening or closing the clients). */
  private long requestsInPortCalls() {
    return registry.find(MeteredPorts.METER).timers().stream().filter(t -> !"none".equals(t.getId().getTag("port")))
        .mapToLong(Timer::count).sum();
  }

  private static List<String> described(List<Timer> timers) {
    return timers.stream().map(t -> t.count() + " x " + t.getId().getTags()).toList();
  }

  private double cache(String result) {
    var counter = registry.find("udm.cache.payload.requests").tag("result", result).functionCounter();
    return counter == null ? 0 : counter.count();
  }
}
