package io.udm.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.udm.api.Udm;
import io.udm.api.error.UdmException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Authenticates, routes, checks the tenant, dispatches, and writes the answer of every request. */
final class RequestHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(UdmHttpServer.class.getName());

  private final ApiKeyAuthenticator authenticator;
  private final JsonBodies bodies;
  private final ItemWriteHandlers writes;
  private final ItemReadHandlers reads;
  private final ServiceHandlers service;
  private final OpStatusHandler ops;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean stopping;

  RequestHandler(Udm udm, ApiKeyAuthenticator authenticator, JsonBodies bodies, Optional<MetricsScrape> metrics) {
    QueuedWrites queued = new QueuedWrites();
    this.authenticator = authenticator;
    this.bodies = bodies;
    this.writes = new ItemWriteHandlers(udm, queued);
    this.reads = new ItemReadHandlers(udm);
    this.service = new ServiceHandlers(udm, metrics);
    this.ops = new OpStatusHandler(udm, queued);
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Refuses new requests from now on; true once none is running, false if the timeout came first. */
  boolean stopAndAwait(long timeoutMs) {
    stopping = true;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    long started = System.nanoTime();
    Response response;
    String route = "-";
    try {
      if (stopping) {
        throw HttpProblem.stopping();
      }
      if (Overload.shed()) {
        throw HttpProblem.overloaded();
      }
      String path = exchange.getRequestURI().getRawPath();
      // Authentication before routing, so that an unauthenticated caller learns nothing about
      // paths; only the OpenAPI document, which holds nothing secret, is open to anyone.
      Caller caller = Endpoint.OPENAPI.template().equals(path) ? Caller.LOCAL
          : authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      Router.Match match = Router.route(exchange.getRequestMethod(), path);
      route = match.endpoint().name();
      if (match.endpoint().tenantScoped() && !caller.reaches(match.parameter("tenant"))) {
        throw HttpProblem.forbidden("this API key does not reach tenant '" + shown(match.parameter("tenant")) + "'");
      }
      response = dispatch(new HttpCall(exchange, match, caller, bodies));
    } catch (HttpProblem p) {
      response = ProblemResponses.of(p);
    } catch (UdmException e) {
      boolean conditional = exchange.getRequestHeaders().containsKey("If-Match")
          || exchange.getRequestHeaders().containsKey("If-None-Match");
      response = ProblemResponses.of(e, conditional);
      if (response.status() >= 500) {
        LOG.log(System.Logger.Level.WARNING, "{0} {1}: {2}: {3}", exchange.getRequestMethod(), route,
            e.getClass().getSimpleName(), e.getMessage());
      }
    } catch (RuntimeException | Error e) {
      // Class name only: a message of a library we do not control could hold anything.
      LOG.log(System.Logger.Level.ERROR, "{0} {1} failed unexpectedly: {2}", exchange.getRequestMethod(), route,
          e.getClass().getName());
      response = ProblemResponses.unexpected();
    }
    try {
      send(exchange, response);
    } finally {
      inFlight.decrementAndGet();
      LOG.log(System.Logger.Level.DEBUG, "{0} {1} -> {2} in {3} ms", exchange.getRequestMethod(), route,
          response.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
  }

  private Response dispatch(HttpCall call) {
    return switch (call.endpoint()) {
      case CREATE_ITEM -> writes.create(call);
      case PUT_ITEM -> writes.put(call);
      case DELETE_ITEM -> writes.delete(call);
      case ENRICH_ITEM -> writes.enrich(call);
      case RESTORE_ITEM -> writes.restore(call);
      case GET_ITEM -> reads.get(call);
      case LIST_ITEMS -> reads.list(call);
      case ITEM_HISTORY -> reads.history(call);
      case ITEM_DIFF -> reads.diff(call);
      case CHANGES -> reads.changes(call);
      case OP_STATUS -> ops.handle(call);
      case HEALTH -> service.health(call);
      case OPENAPI -> service.openApi(call);
      case METRICS -> service.metrics(call);
    };
  }

  private static void send(HttpExchange exchange, Response response) {
    try (exchange) {
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.getResponseHeaders().set("Cache-Control", "private, no-cache");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      boolean noBody = response.status() == 304 || response.status() == 204
          || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (IOException e) {
      // The client went away; nothing more to tell it.
      LOG.log(System.Logger.Level.DEBUG, "response not delivered: {0}", e.getClass().getSimpleName());
    }
  }

  private static String shown(String value) {
    String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    return cut.replaceAll("[^A-Za-z0-9._~-]", "?");
  }
}
