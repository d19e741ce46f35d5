package io.udm.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.udm.api.Udm;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.xnio.Options;

/**
 * UDM over HTTP on Undertow: every resource of the HTTP service, under {@code /v1}. {@link #start}
 * binds and serves at once; {@link #close} stops gracefully: new requests get 503, requests in
 * flight finish (up to {@code http.stopTimeoutMs}), then the listener closes. The caller owns the
 * {@link Udm} and closes it after the server.
 *
 * <p>Undertow rather than the JDK's {@code com.sun.net.httpserver}: the JDK server reads each
 * request's line and headers on the thread its executor gives it and has no per-request read
 * timeout, so a handful of silent sockets held every worker. Here I/O threads parse requests
 * without blocking and workers only ever see requests that arrived in full (see {@link UndertowBridge}).
 */
public final class UdmHttpServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(UdmHttpServer.class.getName());
  /** Idle keep-alive connections hold no thread; they are closed after this long all the same. */
  private static final int IDLE_CONNECTION_MS = 60_000;
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private final Undertow server;
  private final ThreadPoolExecutor executor;
  private final RequestHandler handler;
  private final long stopTimeoutMs;
  private final int port;
  private boolean closed;

  private UdmHttpServer(Undertow server, ThreadPoolExecutor executor, RequestHandler handler, long stopTimeoutMs) {
    this.server = server;
    this.executor = executor;
    this.handler = handler;
    this.stopTimeoutMs = stopTimeoutMs;
    this.port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /**
   * Serves {@code udm} on {@code config.http()}'s address. Without API keys only a loopback address
   * is accepted, and beyond loopback plain HTTP needs {@code http.allowPlaintext} ({@link
   * ValidationException} otherwise); a port in use is a {@link StorageException}.
   */
  public static UdmHttpServer start(Udm udm, UdmConfig config) {
    return start(udm, config, Optional.empty());
  }

  /** As {@link #start(Udm, UdmConfig)}, and serves {@code metrics} at {@code GET /metrics} (admin keys). */
  public static UdmHttpServer start(Udm udm, UdmConfig config, MetricsScrape metrics) {
    return start(udm, config, Optional.of(metrics));
  }

  private static UdmHttpServer start(Udm udm, UdmConfig config, Optional<MetricsScrape> metrics) {
    HttpConfig http = config.http();
    InetAddress address = address(http.bind());
    refuseOpenExposure(http, address);
    Optional<SSLContext> tls = http.tls().map(ServerTls::context);
    // Jackson's nesting limit a little above UDM's document limit: the body wraps the document.
    JsonBodies bodies = new JsonBodies(http.maxBodyBytes(), config.limits().maxNestingDepth() + 2);
    RequestHandler handler = new RequestHandler(udm, new ApiKeyAuthenticator(http.apiKeys()), bodies, metrics);
    // Bounded both ways: at most `threads` requests run, `threads` x 32 wait; beyond that a request
    // is answered 503 with Retry-After at once, instead of queueing without end.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(http.threads(), http.threads(), 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(http.threads() * 32), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
    BodyBudget budget = new BodyBudget(Math.max(2, http.threads()) * http.maxBodyBytes());
    UndertowBridge bridge = new UndertowBridge(handler, executor, budget, http.maxBodyBytes(), http.readTimeoutMs());
    Undertow.Builder builder = Undertow.builder()
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
        .setWorkerThreads(2)
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) http.headerTimeoutMs())
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_CONNECTION_MS)
        // Undertow's own cut drops the connection without an answer; UndertowBridge answers 413 for
        // bodies up to twice the limit, so Undertow's cut only ends what is not worth reading.
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 2 * http.maxBodyBytes())
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
        .setServerOption(UndertowOptions.DECODE_URL, false)
        .setSocketOption(Options.TCP_NODELAY, true)
        .setSocketOption(Options.WRITE_TIMEOUT, (int) http.readTimeoutMs())
        .setSocketOption(Options.BACKLOG, 256)
        .setHandler(bridge);
    if (tls.isPresent()) {
      builder.addHttpsListener(http.port(), address.getHostAddress(), tls.get());
    } else {
      builder.addHttpListener(http.port(), address.getHostAddress());
    }
    Undertow server = builder.build();
    try {
      server.start();
    } catch (RuntimeException e) {
      executor.shutdownNow();
      server.stop();
      throw new StorageException("cannot listen on " + http.bind() + ":" + http.port() + " ("
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
          + "); choose another http.port (or --port), or stop what uses it", false);
    }
    UdmHttpServer started = new UdmHttpServer(server, executor, handler, http.stopTimeoutMs());
    LOG.log(System.Logger.Level.INFO, "UDM HTTP service listening on {0}://{1}:{2,number,#} ({3})",
        tls.isPresent() ? "https" : "http", http.bind(), started.port(),
        http.apiKeys().isEmpty() ? "local use, no API keys" : http.apiKeys().size() + " API keys");
    return started;
  }

  /** Beyond loopback, callers need keys, and keys need TLS (or a TLS-terminating proxy in front). */
  private static void refuseOpenExposure(HttpConfig http, InetAddress address) {
    if (address.isLoopbackAddress()) {
      return;
    }
    if (http.apiKeys().isEmpty()) {
      throw new ValidationException("http.bind is " + http.bind() + ", which is not a loopback address, and no"
          + " http.apiKeys are configured: without keys the server answers anyone, so it only listens on loopback;"
          + " add apiKeys, or bind to 127.0.0.1");
    }
    if (http.tls().isEmpty() && !http.allowPlaintext()) {
      throw new ValidationException("http.bind is " + http.bind() + ", which is not a loopback address, and no"
          + " http.tls is configured: API keys would cross the network in clear; add http.tls (a PKCS#12"
          + " keyStore and keyStorePassword), or set http.allowPlaintext: true when a TLS-terminating proxy"
          + " stands in front");
    }
  }

  /** The port the server listens on (the chosen one when {@code http.port} was 0). */
  public int port() {
    return port;
  }

  /** Stops accepting work, lets requests in flight finish (bounded), and closes the listener. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean drained = handler.stopAndAwait(stopTimeoutMs);
    if (!drained) {
      LOG.log(System.Logger.Level.WARNING, "stopped with {0} requests still running after {1} ms",
          handler.inFlight(), stopTimeoutMs);
    }
    server.stop();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static InetAddress address(String bind) {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ValidationException("http.bind '" + bind + "' is not an address this machine knows; use an IP"
          + " address such as 127.0.0.1");
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, "udm-http-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
