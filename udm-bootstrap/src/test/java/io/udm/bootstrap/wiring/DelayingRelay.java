package io.udm.bootstrap.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on a loopback port in front of a server, as toxiproxy is: clients connect to it, and
 * it copies bytes both ways. Armed with {@link #holdNext}, it keeps the next chunk a client sends
 * that contains given text (a MongoDB command names its collection in plain bytes) until {@link
 * #deliver}: the request sits in its link, whatever its sender's driver does meanwhile (waits,
 * times out, retries on another connection), and reaches the server late, as sent. Other links
 * flow.
 */
public final class DelayingRelay implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;

  private final ServerSocket listener;
  private final String serverHost;
  private final int serverPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private byte[] armedFor;
  private boolean holding;
  private volatile boolean closed;

  private DelayingRelay(ServerSocket listener, String serverHost, int serverPort) {
    this.listener = listener;
    this.serverHost = serverHost;
    this.serverPort = serverPort;
  }

  /** A relay to {@code host:port}, listening on a free loopback port. */
  public static DelayingRelay to(String host, int port) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      DelayingRelay relay = new DelayingRelay(listener, host, port);
      Thread accepting = new Thread(relay::accept, "relay-accept-" + listener.getLocalPort());
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

  /** Holds the next chunk a client sends that contains {@code bytes} (and everything after it on that link). */
  public void holdNext(byte[] bytes) {
    synchronized (gate) {
      armedFor = bytes.clone();
    }
  }

  /**
   * The bytes that start a MongoDB command on {@code collection} ({@code insert}, {@code update}):
   * the BSON string element {@code <command>: "<collection>"} the driver writes at its head.
   */
  public static byte[] mongoCommand(String command, String collection) {
    byte[] verb = command.getBytes(StandardCharsets.US_ASCII);
    byte[] name = collection.getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer element = java.nio.ByteBuffer.allocate(1 + verb.length + 1 + 4 + name.length + 1)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    element.put((byte) 0x02).put(verb).put((byte) 0).putInt(name.length + 1).put(name).put((byte) 0);
    return element.array();
  }

  /** Whether a chunk is held now. */
  public boolean holding() {
    synchronized (gate) {
      return holding;
    }
  }

  /** Waits until one of {@code relays} holds a chunk. */
  public static void awaitAnyHeld(List<DelayingRelay> relays) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (relays.stream().noneMatch(DelayingRelay::holding)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no relay held a request: none contained the armed bytes");
      }
      Thread.sleep(2);
    }
  }

  /** Lets the held chunk through: it reaches the server now. */
  public void deliver() {
    synchronized (gate) {
      holding = false;
      armedFor = null;
      gate.notifyAll();
    }
  }

  @Override
  public void close() {
    closed = true;
    deliver();
    closeQuietly(listener);
    sockets.forEach(DelayingRelay::closeQuietly);
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
        pump(client, upstream, true);
        pump(upstream, client, false);
      } catch (IOException e) {
        if (!closed) {
          // One failed link; the relay keeps accepting.
          continue;
        }
        return;
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

  private void pump(Socket from, Socket to, boolean fromClient) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (fromClient) {
            passGate(buffer, n);
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
    }, "relay-" + (fromClient ? "up-" : "down-") + from.getPort());
    t.setDaemon(true);
    t.start();
  }

  /** Holds this chunk, and so its link, when it is the one armed for; other links flow meanwhile. */
  private void passGate(byte[] chunk, int length) throws InterruptedException {
    synchronized (gate) {
      if (armedFor == null || !contains(chunk, length, armedFor)) {
        return;
      }
      armedFor = null;
      holding = true;
      while (holding && !closed) {
        gate.wait();
      }
    }
  }

  private static boolean contains(byte[] chunk, int length, byte[] text) {
    outer:
    for (int i = 0; i + text.length <= length; i++) {
      for (int j = 0; j < text.length; j++) {
        if (chunk[i + j] != text[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing a test relay is best effort
    }
  }
}
