package io.udm.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.udm.api.ItemOps;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import io.udm.app.TestStores;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.bootstrap.UdmsOverStores;
import io.udm.bootstrap.metrics.FailingHttpRelay.Failure;
import io.udm.embedded.EmbeddedServers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On MongoDB + S3 {@code udm.storage.calls} counts requests as the servers receive them, not port
 * calls: every command on the wire to MongoDB counts once under its name (a port call that sends
 * several counts several), each attempt of a request the S3 SDK retries counts, opening the clients
 * counts apart from any port call, and the driver's own server monitoring does not count.
 */
class MongoS3StorageRequestsTest {
  private static EmbeddedServers servers;

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final RouteContext users = RouteContext.of(TestStores.tenant("requests"), "crm", "users");
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  static void startServers() {
    servers = EmbeddedServers.transientPairs(1);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void eachAttemptOfAnUploadTheSdkRetriesCounts(Failure failure) {
    FailingHttpRelay relay = FailingHttpRelay.to(URI.create(servers.s3Endpoint(0)).getPort());
    opened.add(relay);
    String buckets = bucketPrefix();
    PortCallWitness witness = new PortCallWitness(registry);
    // Payload objects, so the create uploads one.
    UdmConfig objectPayloads = UdmConfig.builder().storage(io.udm.app.PayloadLayouts.objectPayloads()).build();
    ItemOps items = udmOverStores(throughRelay(servers.configFor(objectPayloads, buckets), relay), witness)
        .with(users);
    items.create(Map.of("name", "placed the collection"));
    int from = witness.seen().size();

    relay.failNext("PUT /" + buckets + "-json/", failure);
    String id = items.create(Map.of("name", "Ada")).id();

    assertThat(relay.failed()).as("requests the relay failed").isEqualTo(1);
    List<PortCallWitness.Seen> uploads = since(witness, from, call -> call.port().equals("blobs")
        && call.call().equals("put"));
    assertThat(uploads).as("port calls that uploaded").hasSize(1);
    assertThat(byRequestAndOutcome(uploads.get(0))).as("requests of the one upload")
        .isEqualTo(Map.of("PutObject error", 1L, "PutObject ok", 1L));
    assertThat(items.getLatest(id)).isPresent();
  }

  @Test
  void everyCommandTheMongoDbServerReceivesCountsOnceUnderItsName() {
    MongoWireCounter wire = MongoWireCounter.to(URI.create(servers.mongoUri(0)).getPort());
    opened.add(wire);
    UdmConfig config = servers.configFor(UdmConfig.builder()
        .putCollectionMaps("users", CollectionMap.builder().addIndexedProps("score").build()).build(), bucketPrefix());
    PortCallWitness witness = new PortCallWitness(registry);
    Udm udm = udmOverStores(UdmConfig.builder().from(config).mongoUris(List.of("mongodb://127.0.0.1:" + wire.port()))
        .build(), witness);
    ItemOps items = udm.with(users);
    // Scores of four JSON types: a listing sorted by score reads each type's bracket with a query of its own.
    List<String> ids = new ArrayList<>();
    for (Object score : List.of(3, "three", true, Map.of("n", 3))) {
      ids.add(items.create(Map.of("score", score)).id());
    }
    items.update(ids.get(0), Map.of("score", 4));
    items.getLatest(ids.get(1));
    items.history(ids.get(0));
    items.delete(ids.get(2));
    Commands before = witness.betweenPortCalls(() -> new Commands(wire.commands(), mongoRequestsByName()));
    int from = witness.seen().size();

    items.listByMeta(MetaQuery.all(), ListOptions.builder().sortBy("score", true).build());

    Commands after = witness.betweenPortCalls(() -> new Commands(wire.commands(), mongoRequestsByName()));
    Map<String, Long> wireAfter = after.onTheWire();
    Map<String, Long> wireBefore = before.onTheWire();
    Map<String, Long> meteredAfter = after.counted();
    Map<String, Long> meteredBefore = before.counted();
    List<PortCallWitness.Seen> listings = since(witness, from, call -> call.port().equals("heads")
        && call.call().equals("query"));
    assertThat(listings).as("head queries of the listing").hasSize(1);
    Map<String, Long> queries = byRequestAndOutcome(listings.get(0));
    assertThat(queries.keySet()).containsExactly("find ok");
    assertThat(queries.get("find ok")).as("queries of the one head query").isGreaterThan(1)
        .isEqualTo(difference(wireAfter, wireBefore).get("find"));
    assertThat(difference(meteredAfter, meteredBefore)).as("requests counted during the listing")
        .isEqualTo(difference(wireAfter, wireBefore));
    // Since the client opened, whether in a port call or not, but for the handshakes and server checks
    // the driver sends on connections of their own.
    assertThat(meteredAfter).as("every command counted, against those on the wire")
        .isEqualTo(withoutServerChecks(wireAfter));
  }

  @Test
  void openingTheClientsCountsApartAndTheDriversMonitoringNotAtAll() throws InterruptedException {
    UdmConfig config = servers.configFor(UdmConfig.builder().build(), bucketPrefix());
    // The driver checks the server every half second (its shortest interval) instead of every 10 s.
    UdmConfig watched = UdmConfig.builder().from(config)
        .mongoUris(List.of(config.mongoUris().get(0) + "/?heartbeatFrequencyMS=500")).build();
    Udm udm = Udms.create(watched, connect(), UdmOptions.builder().meterRegistry(registry).build());
    opened.add(udm);

    assertThat(requests(t -> isOutsidePortCalls(t) && "mongo".equals(t.getId().getTag("store"))
        && "createIndexes".equals(t.getId().getTag("request")))).as("index creation at opening").isPositive();
    assertThat(requests(t -> isOutsidePortCalls(t) && "s3".equals(t.getId().getTag("store"))))
        .as("bucket checks at opening").isPositive();
    long afterOpening = requests(t -> true);
    // Four checks of the server by the driver's monitor, on an idle UDM: none may count.
    Thread.sleep(2_000);
    assertThat(requests(t -> true)).as("requests counted while idle").isEqualTo(afterOpening);
  }

  /** MongoDB commands by name, on the wire and as counted, read together while no port call runs. */
  private record Commands(Map<String, Long> onTheWire, Map<String, Long> counted) {}

  private Map<String, Long> mongoRequestsByName() {
    return registry.find(MeteredPorts.METER).tag("store", "mongo").timers().stream().collect(Collectors.toMap(
        t -> t.getId().getTag("request"), Timer::count, Long::sum, TreeMap::new));
  }

  /** Commands by name as the server received them, without the driver's handshakes and server checks. */
  private static Map<String, Long> withoutServerChecks(Map<String, Long> commands) {
    Map<String, Long> kept = new TreeMap<>(commands);
    // "opCode 2004": the legacy OP_QUERY, which the driver uses only for a connection's first hello.
    kept.keySet().removeAll(List.of("hello", "isMaster", "ismaster", "opCode 2004"));
    return kept;
  }

  private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> added = new TreeMap<>();
    after.forEach((name, n) -> {
      long more = n - before.getOrDefault(name, 0L);
      if (more != 0) {
        added.put(name, more);
      }
    });
    return added;
  }

  private Udm udmOverStores(UdmConfig config, PortCallWitness witness) {
    Udm udm = UdmsOverStores.create(config, connect(), UdmOptions.builder().meterRegistry(registry).build(), witness);
    opened.add(udm);
    return udm;
  }

  private static ConnectOptions connect() {
    return ConnectOptions.defaults().withCreateBucketsIfMissing(true);
  }

  private static String bucketPrefix() {
    return "requests-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static UdmConfig throughRelay(UdmConfig config, FailingHttpRelay relay) {
    SpacesConn relayed = SpacesConn.builder().from(config.spacesConns().get(0))
        .endpoint("http://127.0.0.1:" + relay.port()).build();
    return UdmConfig.builder().from(config).spacesConns(List.of(relayed)).build();
  }

  private static List<PortCallWitness.Seen> since(PortCallWitness witness, int from,
      Predicate<PortCallWitness.Seen> which) {
    List<PortCallWitness.Seen> seen = witness.seen();
    return seen.subList(from, seen.size()).stream().filter(which).toList();
  }

  /** The requests one port call sent, as "request outcome" and how many, after checking they are its own. */
  private static Map<String, Long> byRequestAndOutcome(PortCallWitness.Seen call) {
    assertThat(call.attributedToItself()).as("requests tagged with the port call that sent them: %s", call).isTrue();
    return call.requests().entrySet().stream().collect(Collectors.toMap(
        e -> e.getKey().getTag("request") + " " + e.getKey().getTag("outcome"), Map.Entry::getValue, Long::sum));
  }

  private static boolean isOutsidePortCalls(Timer timer) {
    return "none".equals(timer.getId().getTag("port")) && "none".equals(timer.getId().getTag("call"))
        && "none".equals(timer.getId().getTag("backend"));
  }

  private long requests(Predicate<Timer> which) {
    return registry.find(MeteredPorts.METER).timers().stream().filter(which).mapToLong(Timer::count).sum();
  }
}
