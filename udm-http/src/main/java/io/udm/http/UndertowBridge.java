package io.udm.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Carries requests between Undertow and {@link RequestHandler} so that no client can hold a worker
 * by being slow. Undertow parses request lines and headers on its I/O threads, without blocking,
 * and drops a connection whose headers take longer than {@code http.headerTimeoutMs}. Here, on the
 * I/O thread, a request is admitted on its headers alone; its body is then received without
 * blocking, within {@code http.readTimeoutMs} (else the connection is dropped) and within a budget
 * of bytes held at once (else 503). Only a request whose body has arrived in full reaches a worker
 * of the bounded pool; when the pool is full, it is answered 503 on the spot and never run.
 * Responses are written on the I/O thread, without blocking, so a client that does not read cannot
 * hold a worker.
 */
final class UndertowBridge implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(UdmHttpServer.class.getName());

  private final RequestHandler handler;
  private final ExecutorService workers;
  private final BodyBudget budget;
  private final long maxBodyBytes;
  private final long readTimeoutMs;

  UndertowBridge(RequestHandler handler, ExecutorService workers, BodyBudget budget, long maxBodyBytes,
      long readTimeoutMs) {
    this.handler = handler;
    this.workers = workers;
    this.budget = budget;
    this.maxBodyBytes = maxBodyBytes;
    this.readTimeoutMs = readTimeoutMs;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    IncomingRequest request = head(exchange);
    RequestHandler.Admission admission = handler.admit(request);
    if (admission instanceof RequestHandler.Admission.Refused refused) {
      send(exchange, request, refused.response());
      return;
    }
    RequestHandler.Admission.Admitted admitted = (RequestHandler.Admission.Admitted) admission;
    if (exchange.isRequestComplete()) {
      dispatch(exchange, request, admitted);
      return;
    }
    long declared = exchange.getRequestContentLength();
    if (declared > discardLimit()) {
      // Too large to read even to throw away: answered at once, and the connection closed.
      send(exchange, request, ProblemResponses.of(HttpProblem.tooLarge(maxBodyBytes)));
      return;
    }
    long reserved = declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
    if (!budget.tryReserve(reserved)) {
      send(exchange, request, ProblemResponses.of(HttpProblem.overloaded(
          "more request bodies are arriving than this server holds at once (http.threads x http.maxBodyBytes)")));
      return;
    }
    receiveBody(exchange, request, admitted, reserved);
  }

  /**
   * A body a little over the limit is read to its end and thrown away before the 413, so that the
   * answer is not lost to a reset (closing a socket with unread input resets it).
   */
  private long discardLimit() {
    return 2 * maxBodyBytes;
  }

  private void receiveBody(HttpServerExchange exchange, IncomingRequest request,
      RequestHandler.Admission.Admitted admitted, long reserved) {
    AtomicBoolean settled = new AtomicBoolean();
    // The timer runs on the connection's own I/O thread, as the receiver's callbacks do.
    XnioExecutor.Key timeout = exchange.getIoThread().executeAfter(() -> {
      if (settled.compareAndSet(false, true)) {
        budget.release(reserved);
        LOG.log(System.Logger.Level.DEBUG, "{0}: body not received within {1} ms; connection dropped", request,
            readTimeoutMs);
        IoUtils.safeClose(exchange.getConnection());
      }
    }, readTimeoutMs, TimeUnit.MILLISECONDS);
    BoundedBody body = new BoundedBody(maxBodyBytes);
    exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
      body.add(chunk);
      if (last && settled.compareAndSet(false, true)) {
        timeout.remove();
        budget.release(reserved);
        if (body.overLimit()) {
          send(ex, request, ProblemResponses.of(HttpProblem.tooLarge(maxBodyBytes)));
        } else {
          dispatch(ex, request.withBody(body.bytes()), admitted);
        }
      }
    }, (ex, failure) -> {
      if (settled.compareAndSet(false, true)) {
        timeout.remove();
        budget.release(reserved);
        // The client went away, broke the framing, or sent past what is worth discarding.
        IoUtils.safeClose(ex.getConnection());
      }
    });
  }

  /**
   * Hands the request to a worker; a full pool answers 503 here, without running it. The worker only
   * computes the answer: the exchange is touched (status, headers, the write) on its connection's I/O
   * thread alone, as everything else of it is, so no state of it is shared between threads.
   */
  private void dispatch(HttpServerExchange exchange, IncomingRequest request, RequestHandler.Admission.Admitted admitted) {
    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
      try {
        workers.execute(() -> {
          Response response = handler.handle(request, admitted);
          exchange.getIoThread().execute(() -> send(exchange, request, response));
        });
      } catch (RejectedExecutionException e) {
        send(exchange, request, ProblemResponses.of(HttpProblem.overloaded()));
      }
    });
  }

  private static IncomingRequest head(HttpServerExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      headers.put(values.getHeaderName().toString(), new ArrayList<>(values));
    }
    String query = exchange.getQueryString();
    return new IncomingRequest(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
        query == null || query.isEmpty() ? null : query, headers, IncomingRequest.NO_BODY);
  }

  private static void send(HttpServerExchange exchange, IncomingRequest request, Response response) {
    try {
      exchange.setStatusCode(response.status());
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
      exchange.getResponseHeaders().put(HttpString.tryFromString("Cache-Control"), "private, no-cache");
      exchange.getResponseHeaders().put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
      boolean noBody = response.status() == 304 || response.status() == 204 || "HEAD".equals(request.method());
      if (noBody) {
        exchange.endExchange();
      } else {
        exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
      }
    } catch (RuntimeException e) {
      // The client went away; nothing more to tell it.
      LOG.log(System.Logger.Level.DEBUG, "response not delivered: {0}", e.getClass().getSimpleName());
      IoUtils.safeClose(exchange.getConnection());
    }
  }
}
