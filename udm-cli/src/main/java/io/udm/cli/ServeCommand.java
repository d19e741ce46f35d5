package io.udm.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.udm.api.UdmOptions;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.http.UdmHttpServer;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code udm serve}: the HTTP service until SIGTERM or Ctrl-C, then a graceful stop (new requests
 * refused, requests in flight finished within {@code http.stopTimeoutMs}, then UDM closed). In local
 * mode, other {@code udm} commands on the same data directory use this process's servers meanwhile.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve UDM over HTTP (the resources are in /v1/openapi.yaml) until SIGTERM or Ctrl-C.",
        "With --config, against the configured servers (http.apiKeys there; without keys only loopback);"
            + " without it, in local mode, where other udm commands on the same data directory use this"
            + " process's servers while it runs."})
final class ServeCommand extends UdmCommand {
  @Option(names = "--port", paramLabel = "N", description = "TCP port (default: http.port of the config, 8080; 0 = any free port).")
  Integer port;

  @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: http.bind, 127.0.0.1).")
  String bind;

  /**
   * Every meter of the UDM it serves, for GET /metrics. Made when serving starts: picocli builds
   * every command object for every invocation, and other commands need no metrics.
   */
  private PrometheusMeterRegistry metrics;

  @Override
  UdmOptions udmOptions() {
    metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return UdmOptions.builder().meterRegistry(metrics).build();
  }

  @Override
  void check() {
    if (port != null && (port < 0 || port > 65535)) {
      throw usage("--port must be 0 to 65535, got " + port);
    }
    if (bind != null && bind.isBlank()) {
      throw usage("--bind must name an address, e.g. 127.0.0.1");
    }
  }

  @Override
  int run(CliSession session) throws InterruptedException {
    if (session.local().map(l -> l.attached()).orElse(false)) {
      throw usage("another udm serve already runs on this data directory; stop it first, or use --data-dir");
    }
    UdmConfig config = withOverrides(session.config());
    UdmHttpServer server = UdmHttpServer.start(session.udm(), config, metrics::scrape);
    session.closeFirst(server);
    // Other commands on this directory call the served API only when it is plain and keyless; else
    // they use the embedded servers themselves.
    session.local().ifPresent(local -> local.shareWhileRunning(config.http().bind(), server.port(),
        !config.http().apiKeys().isEmpty() || config.http().tls().isPresent()));
    out().println("serving on " + (config.http().tls().isPresent() ? "https" : "http") + "://" + config.http().bind() + ":" + server.port() + " (" + session.describe()
        + "); the resources are listed at /v1/openapi.yaml; stop with Ctrl-C");
    out().flush();
    new CountDownLatch(1).await(); // until the shutdown hook stops the server and closes UDM
    return UdmCli.OK;
  }

  private UdmConfig withOverrides(UdmConfig config) {
    var http = HttpConfig.builder().from(config.http());
    if (port != null) {
      http.port(port);
    }
    if (bind != null) {
      http.bind(bind);
    }
    return UdmConfig.builder().from(config).http(http.build()).build();
  }
}
