package io.udm.http;

import io.udm.api.Udm;
import io.udm.api.error.UdmException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Decides every request in two steps. {@link #admit} runs on the server's I/O thread with the
 * request line and headers only, and does no I/O: stopping, authentication, routing and the tenant
 * check, so that nobody without a key gets a body read or a worker. {@link #handle} runs on a worker
 * with the body read, and dispatches to the resource handlers.
 */
final class RequestHandler {
  private static final System.Logger LOG = System.getLogger(UdmHttpServer.class.getName());

  /** What the headers alone decided: refused with an answer, or admitted as a caller on a route. */
  sealed interface Admission {
    record Refused(Response response) implements Admission {}

    record Admitted(Router.Match match, Caller caller) implements Admission {}
  }

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

  /** The decision on {@code request}'s line and headers; its body has not been read. */
  Admission admit(IncomingRequest request) {
    try {
      if (stopping) {
        throw HttpProblem.stopping();
      }
      String path = request.rawPath();
      // Authentication before routing, so that an unauthenticated caller learns nothing about
      // paths; only the OpenAPI document, which holds nothing secret, is open to anyone.
      Caller caller = Endpoint.OPENAPI.template().equals(path) ? Caller.LOCAL
          : authenticator.authenticate(request.header("Authorization").orElse(null));
      Router.Match match = Router.route(request.method(), path);
      if (match.endpoint().tenantScoped() && !caller.reaches(match.parameter("tenant"))) {
        throw HttpProblem.forbidden("this API key does not reach tenant '" + shown(match.parameter("tenant")) + "'");
      }
      return new Admission.Admitted(match, caller);
    } catch (HttpProblem p) {
      return new Admission.Refused(ProblemResponses.of(p));
    }
  }

  /** The answer to an admitted request, its body read; runs on a worker. */
  Response handle(IncomingRequest request, Admission.Admitted admitted) {
    inFlight.incrementAndGet();
    long started = System.nanoTime();
    String route = admitted.match().endpoint().name();
    Response response = answer(request, route, () -> {
      if (stopping) {
        throw HttpProblem.stopping();
      }
      return dispatch(new HttpCall(request, admitted.match(), admitted.caller(), bodies));
    });
    inFlight.decrementAndGet();
    LOG.log(System.Logger.Level.DEBUG, "{0} {1} -> {2} in {3} ms", request.method(), route, response.status(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return response;
  }

  private static Response answer(IncomingRequest request, String route, Supplier<Response> work) {
    try {
      return work.get();
    } catch (HttpProblem p) {
      return ProblemResponses.of(p);
    } catch (UdmException e) {
      boolean conditional = request.hasHeader("If-Match") || request.hasHeader("If-None-Match");
      Response response = ProblemResponses.of(e, conditional);
      if (response.status() >= 500) {
        LOG.log(System.Logger.Level.WARNING, "{0} {1}: {2}: {3}", request.method(), route,
            e.getClass().getSimpleName(), e.getMessage());
      }
      return response;
    } catch (RuntimeException | Error e) {
      // Class name only: a message of a library we do not control could hold anything.
      LOG.log(System.Logger.Level.ERROR, "{0} {1} failed unexpectedly: {2}", request.method(), route,
          e.getClass().getName());
      return ProblemResponses.unexpected();
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

  private static String shown(String value) {
    String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    return cut.replaceAll("[^A-Za-z0-9._~-]", "?");
  }
}
