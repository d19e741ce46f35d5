package io.udm.bench.http;

import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.embedded.EmbeddedServers;
import io.udm.http.HttpTestClient;
import io.udm.http.MixedWorkload;
import io.udm.http.UdmHttpServer;
import io.udm.http.WorkloadClients;

/**
 * Benchmark (not a unit test): the same mixed workload (32 clients x N requests: 30% creates, 20%
 * conditional updates, 40% reads, 10% listings) through the Java API and over HTTP on loopback, on
 * each wiring asked for, printing a Markdown table of requests/s, p50 and p99 of each way and the
 * overhead ratios ({@code bench/run.sh http} writes it to bench/http-results.md). See bench/README.md.
 *
 * <pre>
 *   HttpOverheadBench [memory,mongo-s3] [requests per client, default 200] [clients, default 32]
 * </pre>
 */
public final class HttpOverheadBench {
  private HttpOverheadBench() {}

  public static void main(String[] args) throws Exception {
    String[] wirings = (args.length > 0 ? args[0] : "memory,mongo-s3").split(",");
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    System.out.println("| wiring | clients x requests | way | requests/s | p50 ms | p99 ms | failures (5xx) |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    StringBuilder ratios = new StringBuilder();
    for (String wiring : wirings) {
      ratios.append(run(wiring.trim(), requests, clients)).append('\n');
    }
    System.out.println();
    System.out.print(ratios);
  }

  /** Runs both ways on one wiring, prints their rows, returns the overhead line. */
  private static String run(String wiring, int requests, int clients) throws Exception {
    UdmConfig base = UdmConfig.builder().http(HttpConfig.builder().port(0).build()).build();
    EmbeddedServers servers = wiring.equals("mongo-s3") ? EmbeddedServers.transientPairs(1) : null;
    try {
      UdmConfig config = servers == null ? base : servers.configFor(base, "bench-http");
      try (Udm udm = servers == null ? Udms.inMemory(config)
              : Udms.create(config, ConnectOptions.defaults().withCreateBucketsIfMissing(true));
          UdmHttpServer server = UdmHttpServer.start(udm, config)) {
        HttpTestClient http = new HttpTestClient(server.port());
        // Warm-up of both paths (JIT, connection pools), then the measured runs.
        MixedWorkload.run(WorkloadClients.java(udm.with(RouteContext.of("warm", "db", "java"))), clients, requests / 2, 1);
        MixedWorkload.run(WorkloadClients.http(http, "/v1/t/warm/db/http", null), clients, requests / 2, 1);
        MixedWorkload.Result java = MixedWorkload.run(
            WorkloadClients.java(udm.with(RouteContext.of("bench", "db", "java"))), clients, requests, 7);
        MixedWorkload.Result overHttp = MixedWorkload.run(
            WorkloadClients.http(http, "/v1/t/bench/db/http", null), clients, requests, 7);
        row(wiring, clients + " x " + requests, "Java API", java);
        row(wiring, clients + " x " + requests, "HTTP", overHttp);
        return String.format("- %s: HTTP throughput is x%.2f of the Java API's, its p99 x%.2f", wiring,
            overHttp.requestsPerSecond() / java.requestsPerSecond(),
            overHttp.percentileMillis(99) / java.percentileMillis(99));
      }
    } finally {
      if (servers != null) {
        servers.close();
      }
    }
  }

  private static void row(String wiring, String load, String way, MixedWorkload.Result r) {
    System.out.printf("| %s | %s | %s | %,.0f | %.2f | %.2f | %d (%d) |%n", wiring, load, way, r.requestsPerSecond(),
        r.percentileMillis(50), r.percentileMillis(99), r.failures().size(), r.serverErrors());
  }
}
