package io.udm.bootstrap.metrics;

import io.udm.bootstrap.wiring.TcpRelay;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TcpRelay} in front of an HTTP server (an S3 store). Armed with {@link #failNext}, it stands in for a failing server on
 * the next request whose first line starts with given text: it answers a 500 itself, or closes the
 * connection without an answer. Either way that request never reaches the server, and the client
 * sees what a real server in trouble would show it.
 */
final class FailingHttpRelay implements AutoCloseable {
  enum Failure { ANSWER_500, NO_ANSWER }

  private static final String ERROR_BODY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code><Message>relay</Message></Error>";
  private static final byte[] INTERNAL_ERROR = ("HTTP/1.1 500 Internal Server Error\r\n"
      + "Content-Type: application/xml\r\nContent-Length: " + ERROR_BODY.length() + "\r\nConnection: close\r\n\r\n"
      + ERROR_BODY).getBytes(StandardCharsets.US_ASCII);

  private final TcpRelay relay;
  private final AtomicInteger failed = new AtomicInteger();
  private volatile String armedFor;
  private volatile Failure failure;

  private FailingHttpRelay(int serverPort) {
    this.relay = TcpRelay.to(InetAddress.getLoopbackAddress().getHostAddress(), serverPort, "http-relay",
        () -> (chunk, length, client) -> !failsHere(chunk, length, client));
  }

  /** A relay to the server on loopback port {@code serverPort}. */
  static FailingHttpRelay to(int serverPort) {
    return new FailingHttpRelay(serverPort);
  }

  int port() {
    return relay.port();
  }

  /** Fails, as {@code how} says, the next request whose request line starts with {@code requestLine}. */
  void failNext(String requestLine, Failure how) {
    failure = how;
    armedFor = requestLine;
  }

  /** How many requests the relay failed so far. */
  int failed() {
    return failed.get();
  }

  @Override
  public void close() {
    relay.close();
  }

  /**
   * A client sends the next request only after the answer to the previous one, so a request's first
   * line starts a chunk. The one armed for is answered here, not passed on.
   */
  private boolean failsHere(byte[] chunk, int length, Socket client) throws IOException {
    String armed = armedFor;
    if (armed == null || !new String(chunk, 0, Math.min(length, armed.length()), StandardCharsets.US_ASCII)
        .equals(armed)) {
      return false;
    }
    armedFor = null;
    failed.incrementAndGet();
    if (failure == Failure.ANSWER_500) {
      OutputStream answer = client.getOutputStream();
      answer.write(INTERNAL_ERROR);
      answer.flush();
    }
    return true;
  }
}
