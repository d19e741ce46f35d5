package io.udm.bootstrap.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on a loopback port in front of an HTTP server (an S3 store): clients connect to it,
 * and it copies bytes both ways. Armed with {@link #failNext}, it stands in for a failing server on
 * the next request whose first line starts with given text: it answers a 500 itself, or closes the
 * connection without an answer. Either way that request never reaches the server, and the client
 * sees what a real server in trouble would show it.
 */
final class FailingHttpRelay implements AutoCloseable {
  enum Failure { ANSWER_500, NO_ANSWER }

  private static final int CHUNK = 64 * 1024;
  private static final String ERROR_BODY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code><Message>relay</Message></Error>";
  private static final byte[] INTERNAL_ERROR = ("HTTP/1.1 500 Internal Server Error\r\n"
      + "Content-Type: application/xml\r\nContent-Length: " + ERROR_BODY.length() + "\r\nConnection: close\r\n\r\n"
      + ERROR_BODY).getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final int serverPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile String armedFor;
  private volatile Failure failure;
  private volatile boolean closed;

  private FailingHttpRelay(ServerSocket listener, int serverPort) {
    this.listener = listener;
    this.serverPort = serverPort;
  }

  /** A relay to the server on loopback port {@code serverPort}. */
  static FailingHttpRelay to(int serverPort) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      FailingHttpRelay relay = new FailingHttpRelay(listener, serverPort);
      Thread accepting = new Thread(relay::accept, "http-relay-accept-" + listener.getLocalPort());
      accepting.setDaemon(true);
      accepting.start();
      return relay;
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a relay to port " + serverPort, e);
    }
  }

  int port() {
    return listener.getLocalPort();
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
    closed = true;
    closeQuietly(listener);
    sockets.forEach(FailingHttpRelay::closeQuietly);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream, true);
        pump(upstream, client, false);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // One failed link; the relay keeps accepting.
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromClient) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (fromClient && failsHere(buffer, n, from)) {
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // The link closed (a side went away, or the relay closed): close its other half too.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "http-relay-" + (fromClient ? "up-" : "down-") + from.getPort());
    t.setDaemon(true);
    t.start();
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

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing a test relay is best effort
    }
  }
}
