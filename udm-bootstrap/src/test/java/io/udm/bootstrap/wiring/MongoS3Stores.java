package io.udm.bootstrap.wiring;

import io.udm.api.config.UdmConfig;
import io.udm.app.HeldCalls;
import io.udm.app.MutableClock;
import io.udm.app.StoragePorts;
import io.udm.app.TestStores;
import io.udm.app.faults.FaultFixture;
import io.udm.embedded.EmbeddedServers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * MongoDB + S3 server pairs for one test class, opened once through the production storage wiring
 * and shared by its tests (each keeps to tenants of its own). The servers run in this JVM, started
 * for the class and stopped after it; or ({@link #onContainers}) they are MongoDB replica sets and
 * MinIO in Docker, shared by the test JVM ({@link ContainerServers}). Register it as a static field:
 * {@code @RegisterExtension static final MongoS3Stores STORES = new MongoS3Stores(1);}.
 */
public final class MongoS3Stores implements TestStores, BeforeAllCallback, AfterAllCallback {
  /**
   * The system property that runs the container test classes ({@code -Dudm.containers=true}): they
   * start Docker containers and add minutes, so a build runs them when asked, where Docker exists.
   */
  public static final String CONTAINERS_FLAG = "udm.containers";
  public static final String CONTAINERS_NOT_ASKED = "the suites on MongoDB and MinIO containers run with"
      + " -Dudm.containers=true where Docker exists";

  /** Running servers: a config pointed at each pair, and how to let them go once the class is done. */
  record Servers(UdmConfig config, Runnable release) {}

  private final Supplier<Servers> start;
  /** Whether the servers start before the class's tests rather than when first used. */
  private final boolean startBeforeAll;
  private Servers servers;
  private StoragePorts opened;
  private StoragePorts shared;
  private UdmConfig config;
  private StoragePorts otherOpened;
  private StoragePorts otherShared;
  private final List<DelayingRelay> relays = new java.util.ArrayList<>();
  private final List<StoragePorts> relayedOpened = new java.util.ArrayList<>();

  /** {@code pairs} MongoDB + S3 server pairs in this JVM (mongo-java-server, S3Proxy). */
  public MongoS3Stores(int pairs) {
    this(() -> inThisJvm(pairs), false);
  }

  private MongoS3Stores(Supplier<Servers> start, boolean startBeforeAll) {
    this.start = start;
    this.startBeforeAll = startBeforeAll;
  }

  /**
   * {@code pairs} MongoDB replica sets and one MinIO in Docker, shared with the other container test
   * classes of the JVM. They start before the class's tests: pulling images and starting containers
   * then counts against no test's timeout.
   */
  public static MongoS3Stores onContainers(int pairs) {
    return new MongoS3Stores(() -> ContainerServers.pairs(pairs), true);
  }

  private static Servers inThisJvm(int pairs) {
    EmbeddedServers embedded = EmbeddedServers.transientPairs(pairs);
    UdmConfig config = embedded.configFor(UdmConfig.builder().build(),
        "suite-" + UUID.randomUUID().toString().substring(0, 8));
    return new Servers(config, embedded::close);
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (startBeforeAll && context.getRequiredTestClass().getEnclosingClass() == null) {
      ports(MutableClock.atRealTime());
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (context.getRequiredTestClass().getEnclosingClass() != null || servers == null) {
      return;
    }
    List<AutoCloseable> resources = new java.util.ArrayList<>(opened.resources());
    relayedOpened.forEach(p -> resources.addAll(p.resources()));
    relayedOpened.clear();
    resources.addAll(relays);
    relays.clear();
    if (otherOpened != null) {
      resources.addAll(otherOpened.resources());
      otherOpened = null;
      otherShared = null;
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // Closing test resources is best effort; the servers go next.
      }
    }
    servers.release().run();
    servers = null;
    shared = null;
  }

  /** The object stores (S3Proxy, MinIO) stamp blobs with real time, so the clock starts there whatever {@code start} says. */
  @Override
  public MutableClock clock(String start) {
    return MutableClock.atRealTime();
  }

  /** The class's shared ports, opened on first use (servers started, production storage wiring). */
  @Override
  public synchronized StoragePorts ports(MutableClock clock) {
    if (servers == null) {
      Servers started = start.get();
      try {
        opened = ProductionStorage.open(started.config(), true, Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        started.release().run();
        throw e;
      }
      servers = started;
      config = started.config();
      // Without their resources: a test's Udm.close() must not close what the next test uses.
      shared = withoutResources(opened);
    }
    return shared;
  }

  /**
   * A fault fixture on the class's shared stores, its clock at real time (the object stores stamp
   * real time): for the fault suites, which keep to tenants of their own too.
   */
  public synchronized FaultFixture faultFixture() {
    MutableClock clock = FaultFixture.realTimeClock();
    return new FaultFixture(ports(clock), clock, UdmConfig.builder().build());
  }

  @Override
  public synchronized StoragePorts otherClients(StoragePorts ports, MutableClock clock) {
    ports(clock);
    if (otherShared == null) {
      otherOpened = ProductionStorage.open(config, true, Duration.ofSeconds(10));
      otherShared = withoutResources(otherOpened);
    }
    return otherShared;
  }

  /** How long a relayed client waits for a reply before its driver gives up on the request. */
  private static final Duration RELAYED_SOCKET_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Clients whose MongoDB traffic goes through a {@link DelayingRelay} per pair: the next insert
   * into {@code versions} (or update of {@code heads}) they send is held in its link and reaches
   * the server when released, after the driver gave up on it (its socket timeout is short here).
   */
  @Override
  public synchronized HeldCalls heldCalls(StoragePorts ports, MutableClock clock) {
    ports(clock);
    List<DelayingRelay> pairRelays = new java.util.ArrayList<>();
    List<String> relayedUris = new java.util.ArrayList<>();
    for (String uri : config.mongoUris()) {
      java.net.URI parsed = java.net.URI.create(uri);
      DelayingRelay relay = DelayingRelay.to(parsed.getHost(), parsed.getPort());
      pairRelays.add(relay);
      relays.add(relay);
      relayedUris.add("mongodb://127.0.0.1:" + relay.port() + "/?socketTimeoutMS=" + RELAYED_SOCKET_TIMEOUT.toMillis());
    }
    UdmConfig relayed = UdmConfig.builder().from(config).mongoUris(relayedUris)
        .counters(io.udm.api.config.CountersConfig.builder().mongoUri(config.mongoUris().get(0)).build()).build();
    StoragePorts clients = ProductionStorage.open(relayed, true, Duration.ofSeconds(10));
    relayedOpened.add(clients);
    StoragePorts shared = withoutResources(clients);
    return new HeldCalls() {
      @Override
      public StoragePorts ports() {
        return shared;
      }

      @Override
      public void holdNext(StoreCall call) {
        byte[] command = call == StoreCall.APPEND
            ? DelayingRelay.mongoCommand("insert", "versions") : DelayingRelay.mongoCommand("update", "heads");
        pairRelays.forEach(r -> r.holdNext(command));
      }

      @Override
      public void awaitHeld() throws InterruptedException {
        DelayingRelay.awaitAnyHeld(pairRelays);
      }

      @Override
      public void release() {
        pairRelays.forEach(DelayingRelay::deliver);
      }

      @Override
      public Duration pastClientTimeouts() {
        return RELAYED_SOCKET_TIMEOUT.plusSeconds(1);
      }
    };
  }

  /** {@code opened} without its resources: a test's Udm.close() must not close what the next test uses. */
  private static StoragePorts withoutResources(StoragePorts opened) {
    return new StoragePorts(opened.backends(), opened.counters(), opened.placements(), opened.indexStates(), opened.holds(), opened.retryQueue(),
        opened.countersProbe(), List.of());
  }
}
