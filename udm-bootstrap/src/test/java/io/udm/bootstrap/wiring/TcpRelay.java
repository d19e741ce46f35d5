package io.udm.bootstrap.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A TCP relay on a loopback port in front of a server, as toxiproxy is: clients connect to it, and
 * it copies bytes both ways, a thread per direction of each link. What the client sends passes a
 * {@link ClientChunks} of its link first, which may look at it, hold it, or cut the link; the
 * relays of the tests ({@link DelayingRelay}, and the metrics tests' failing and counting relays)
 * differ only there.
 */
public final class TcpRelay implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;

  /** What one link does with each chunk its client sends, before the chunk goes on to the server. */
  @FunctionalInterface
  public interface ClientChunks {
    /** Whether {@code chunk[0, length)} goes on; false closes the link without passing it. */
    boolean pass(byte[] chunk, int length, Socket client) throws IOException, InterruptedException;
  }

  private final ServerSocket listener;
  private final String serverHost;
  private final int serverPort;
  private final String name;
  private final Supplier<ClientChunks> perLink;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private TcpRelay(ServerSocket listener, String serverHost, int serverPort, String name,
      Supplier<ClientChunks> perLink) {
    this.listener = listener;
    this.serverHost = serverHost;
    this.serverPort = serverPort;
    this.name = name;
    this.perLink = perLink;
  }

  /** A relay to {@code host:port} on a free loopback port; each link's client chunks go through a fresh {@code perLink}. */
  public static TcpRelay to(String host, int port, String name, Supplier<ClientChunks> perLink) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      TcpRelay relay = new TcpRelay(listener, host, port, name, perLink);
      Thread accepting = new Thread(relay::accept, name + "-accept-" + listener.getLocalPort());
      accepting.setDaemon(true);
      accepting.start();
      return relay;
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a relay to " + host + ":" + port, e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    sockets.forEach(TcpRelay::closeQuietly);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket upstream;
        try {
          upstream = connectToServer();
        } catch (IOException unreachable) {
          closeQuietly(client);
          throw unreachable;
        }
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream, perLink.get());
        pump(upstream, client, null);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // One failed link; the relay keeps accepting.
      }
    }
  }

  /**
   * Tries each address of the server's host in turn, as a driver does: a host name such as {@code
   * localhost} (a container's mapped port) may resolve first to an address the server does not listen on.
   */
  private Socket connectToServer() throws IOException {
    IOException last = null;
    for (InetAddress address : InetAddress.getAllByName(serverHost)) {
      try {
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(address, serverPort), 10_000);
        return upstream;
      } catch (IOException e) {
        last = e;
      }
    }
    throw last != null ? last : new IOException("no address for " + serverHost);
  }

  /** Copies {@code from} to {@code to}; a client's side goes through {@code chunks} first (null: the server's side). */
  private void pump(Socket from, Socket to, ClientChunks chunks) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (chunks != null && !chunks.pass(buffer, n, from)) {
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // The link closed (a side went away, or the relay closed): close its other half too.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, name + "-" + (chunks != null ? "up-" : "down-") + from.getPort());
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing a test relay is best effort
    }
  }
}
