package io.udm.http;

import com.sun.net.httpserver.HttpServer;
import io.udm.api.Udm;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * UDM over HTTP on the JDK's {@code com.sun.net.httpserver}: every resource of API.md's "HTTP
 * service", under {@code /v1}. {@link #start} binds and serves at once; {@link #close} stops
 * gracefully: new requests get 503, requests in flight finish (up to {@code http.stopTimeoutMs}),
 * then the listener closes. The caller owns the {@link Udm} and closes it after the server.
 */
public final class UdmHttpServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(UdmHttpServer.class.getName());
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final RequestHandler handler;
  private final long stopTimeoutMs;
  private boolean closed;

  private UdmHttpServer(HttpServer server, ThreadPoolExecutor executor, RequestHandler handler, long stopTimeoutMs) {
    this.server = server;
    this.executor = executor;
    this.handler = handler;
    this.stopTimeoutMs = stopTimeoutMs;
  }

  /**
   * Serves {@code udm} on {@code config.http()}'s address. Without API keys only a loopback address
   * is accepted ({@link ValidationException} otherwise); a port in use is a {@link StorageException}.
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
    if (http.apiKeys().isEmpty() && !address.isLoopbackAddress()) {
      throw new ValidationException("http.bind is " + http.bind() + ", which is not a loopback address, and no"
          + " http.apiKeys are configured: without keys the server answers anyone, so it only listens on loopback;"
          + " add apiKeys, or bind to 127.0.0.1");
    }
    // Jackson's nesting limit a little above UDM's document limit: the body wraps the document.
    JsonBodies bodies = new JsonBodies(http.maxBodyBytes(), config.limits().maxNestingDepth() + 2);
    RequestHandler handler = new RequestHandler(udm, new ApiKeyAuthenticator(http.apiKeys()), bodies, metrics);
    // Bounded both ways: at most `threads` requests run, `threads` x 32 wait; beyond that a request
    // is answered 503 with Retry-After at once (Overload), instead of queueing without end.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(http.threads(), http.threads(), 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(http.threads() * 32), daemonThreads(), new Overload());
    noDelay();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, http.port()), 256);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new StorageException("cannot listen on " + http.bind() + ":" + http.port() + " (" + e.getMessage()
          + "); choose another http.port (or --port), or stop what uses it", false);
    }
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    LOG.log(System.Logger.Level.INFO, "UDM HTTP service listening on {0}:{1,number,#} ({2})", http.bind(),
        server.getAddress().getPort(), http.apiKeys().isEmpty() ? "local use, no API keys" : http.apiKeys().size() + " API keys");
    return new UdmHttpServer(server, executor, handler, http.stopTimeoutMs());
  }

  /** The port the server listens on (the chosen one when {@code http.port} was 0). */
  public int port() {
    return server.getAddress().getPort();
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
    server.stop(0);
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

  /**
   * The JDK server writes a response's headers and body as separate segments; with Nagle's
   * algorithm on, the body then waits for the client's delayed ACK (about 40 ms per request). Its
   * switch is a system property read once, when the first server of the JVM starts: set it unless
   * the user chose otherwise.
   */
  private static void noDelay() {
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
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
