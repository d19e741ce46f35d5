package io.udm.bench.scale;

import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.bench.perf.Documents;
import io.udm.bench.perf.Measure;
import io.udm.bench.perf.SimulatedPairs;
import io.udm.bootstrap.UdmsOverStores;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobStore;
import io.udm.spi.CounterStore;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.HeadStore;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.RequestMemos;
import io.udm.spi.RetryQueue;
import io.udm.spi.SequenceStore;
import io.udm.spi.VersionLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates/s by backend pairs when each pair is a server of fixed capacity ({@code bench/run.sh
 * scale}). On one 2-core machine more real pairs cannot add capacity, so each pair's stores (the
 * in-memory adapters) sit behind a model of one server: every request waits for one of a fixed
 * number of slots and holds it for a fixed service time. The counters store, placements and the
 * retry queue, one shared MongoDB in a deployment, are one such server too, so whatever all pairs'
 * writes need from it shows as the ceiling it puts on them. Writers and collections grow with the
 * pairs (the same number per pair, collections spread evenly by the routing), so a pair count that
 * does not scale points at something global.
 */
public final class ScaleOutSimulation {
  private static final int[] PAIR_COUNTS = {1, 2, 5, 10};
  private static final String TENANT = "bench";
  private static final String DB = "scale";

  private ScaleOutSimulation() {}

  /** One server's capacity: {@code slots} requests at once, each held {@code serviceNanos}. */
  static final class Server {
    private final Semaphore slots;
    private final long serviceNanos;
    private final AtomicLong requests = new AtomicLong();

    Server(int slots, long serviceNanos) {
      this.slots = new Semaphore(slots, true);
      this.serviceNanos = serviceNanos;
    }

    void serve() {
      slots.acquireUninterruptibly();
      try {
        requests.incrementAndGet();
        long until = System.nanoTime() + serviceNanos;
        for (long left = serviceNanos; left > 0; left = until - System.nanoTime()) {
          LockSupport.parkNanos(left);
        }
      } finally {
        slots.release();
      }
    }

    long requests() {
      return requests.get();
    }
  }

  /** Every call of {@code target} served by {@code server} first: one call, one request. */
  @SuppressWarnings("unchecked")
  static <T> T servedBy(Class<T> type, T target, Server server) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getDeclaringClass() != Object.class) {
        server.serve();
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  static StoragePorts served(StoragePorts ports, List<Server> pairs, Server shared) {
    List<BackendPorts> backends = new ArrayList<>();
    for (BackendPorts b : ports.backends()) {
      Server s = pairs.get(b.index());
      backends.add(new BackendPorts(b.index(), b.backendId(), servedBy(HeadStore.class, b.heads(), s),
          servedBy(VersionLog.class, b.versions(), s), servedBy(EffectsOutbox.class, b.outbox(), s),
          servedBy(RequestMemos.class, b.requestMemos(), s), servedBy(SequenceStore.class, b.sequences(), s),
          servedBy(BlobStore.class, b.blobs(), s), b.mongoProbe(), b.blobProbe(), b.mongoEndpoint(),
          b.blobEndpoint()));
    }
    return new StoragePorts(backends, servedBy(CounterStore.class, ports.counters(), shared),
        servedBy(PlacementRegistry.class, ports.placements(), shared),
        servedBy(io.udm.spi.IndexStates.class, ports.indexStates(), shared),
        servedBy(io.udm.spi.HoldStore.class, ports.holds(), shared),
        servedBy(RetryQueue.class, ports.retryQueue(), shared), ports.countersProbe(), ports.resources());
  }

  public static void main(String[] args) throws Exception {
    long serviceMicros = args.length > 0 ? Long.parseLong(args[0]) : 2_000;
    int slots = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int writersPerPair = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int opsPerPair = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    Path out = Path.of(args.length > 4 ? args[4] : "bench");
    long seed = Long.getLong("udm.seed", System.nanoTime());
    StringBuilder md = new StringBuilder("# Scale-out simulation\n\nWritten by `bench/run.sh scale`.\n\n")
        .append("- started: ").append(Instant.now()).append('\n')
        .append("- load before: ").append(Measure.loadAverage()).append('\n')
        .append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n')
        .append(String.format(Locale.ROOT, "- each server (a pair, and the shared counters MongoDB): %d slots, %d us per"
            + " request; %d writers and collections per pair, each writer creating in its own collection; %d"
            + " creates per pair; default options; seed %d%n%n", slots, serviceMicros, writersPerPair, opsPerPair, seed))
        .append("| pairs | writers | creates/s | x one pair | p50 ms | p99 ms | requests per create, pairs"
            + " | requests per create, shared store |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    double onePair = 0;
    for (int pairs : PAIR_COUNTS) {
      UdmConfig config = SimulatedPairs.config(UdmConfig.builder().build(), pairs);
      List<Server> servers = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        servers.add(new Server(slots, TimeUnit.MICROSECONDS.toNanos(serviceMicros)));
      }
      Server shared = new Server(slots, TimeUnit.MICROSECONDS.toNanos(serviceMicros));
      int writers = writersPerPair * pairs;
      try (Udm udm = UdmsOverStores.inMemory(config, Clock.systemUTC(), UdmOptions.defaults(),
          ports -> served(ports, servers, shared))) {
        List<String> collections = SimulatedPairs.evenlySpread(config, TENANT, DB, writersPerPair);
        ItemOps[] byWriter = new ItemOps[writers];
        Documents[] docs = new Documents[writers];
        for (int t = 0; t < writers; t++) {
          byWriter[t] = udm.with(RouteContext.of(TENANT, DB, collections.get(t)));
          docs[t] = new Documents(seed + t);
        }
        Measure.run("warm-up", "create", writers, writers * 20, (t, i) -> byWriter[t].create(docs[t].next()));
        long pairRequests = servers.stream().mapToLong(Server::requests).sum();
        long sharedRequests = shared.requests();
        int total = opsPerPair * pairs;
        Measure.Result r = Measure.run("udm " + pairs + " pair(s)", "create", writers, total,
            (t, i) -> byWriter[t].create(docs[t].next()));
        double perPair = (servers.stream().mapToLong(Server::requests).sum() - pairRequests) / (double) total;
        double perShared = (shared.requests() - sharedRequests) / (double) total;
        if (pairs == 1) {
          onePair = r.opsPerSecond();
        }
        md.append(String.format(Locale.ROOT, "| %d | %d | %,.0f | %.2fx | %.2f | %.2f | %.2f | %.3f |%n", pairs, writers,
            r.opsPerSecond(), r.opsPerSecond() / onePair, r.p50Millis(), r.p99Millis(), perPair, perShared));
      }
    }
    md.append("\n- load after: ").append(Measure.loadAverage()).append('\n');
    Files.createDirectories(out);
    Files.writeString(out.resolve("scale-out-results.md"), md);
    System.out.println(md);
  }
}
