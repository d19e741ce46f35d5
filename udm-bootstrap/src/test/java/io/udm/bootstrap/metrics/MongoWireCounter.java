package io.udm.bootstrap.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on a loopback port in front of a MongoDB server that counts, by name, the commands
 * clients send through it: what the server receives, read off the wire, apart from anything the
 * driver reports. It reads each message's header and the first field of an {@code OP_MSG} body (the
 * command's name); the bytes pass through unchanged.
 */
final class MongoWireCounter implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;
  private static final int OP_MSG = 2013;
  /** Message header (16 bytes), flag bits (4), section kind (1), document length (4), then the first element's type. */
  private static final int FIRST_ELEMENT = 25;

  private final ServerSocket listener;
  private final int serverPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private MongoWireCounter(ServerSocket listener, int serverPort) {
    this.listener = listener;
    this.serverPort = serverPort;
  }

  /** A counting relay to the MongoDB server on loopback port {@code serverPort}. */
  static MongoWireCounter to(int serverPort) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      MongoWireCounter relay = new MongoWireCounter(listener, serverPort);
      Thread accepting = new Thread(relay::accept, "mongo-counter-accept-" + listener.getLocalPort());
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

  /** The commands clients sent so far, by name. */
  Map<String, Long> commands() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    commands.forEach((name, n) -> counts.put(name, n.get()));
    return counts;
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    sockets.forEach(MongoWireCounter::closeQuietly);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream, new Messages());
        pump(upstream, client, null);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // One failed link; the relay keeps accepting.
      }
    }
  }

  /** Copies {@code from} to {@code to}; the client's side also goes through {@code messages} to be counted. */
  private void pump(Socket from, Socket to, Messages messages) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[CHUNK];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (messages != null) {
            messages.read(buffer, n);
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
    }, "mongo-counter-" + (messages != null ? "up-" : "down-") + from.getPort());
    t.setDaemon(true);
    t.start();
  }

  /** The messages of one link, which may arrive split across reads or several to a read. */
  private final class Messages {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    void read(byte[] chunk, int length) {
      pending.write(chunk, 0, length);
      byte[] bytes = pending.toByteArray();
      int at = 0;
      while (bytes.length - at >= 4) {
        int size = ByteBuffer.wrap(bytes, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (bytes.length - at < size) {
          break;
        }
        count(ByteBuffer.wrap(bytes, at, size).slice().order(ByteOrder.LITTLE_ENDIAN));
        at += size;
      }
      pending.reset();
      pending.write(bytes, at, bytes.length - at);
    }

    private void count(ByteBuffer message) {
      int opCode = message.getInt(12);
      String name = opCode == OP_MSG && message.get(20) == 0 ? firstFieldName(message) : "opCode " + opCode;
      commands.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    private String firstFieldName(ByteBuffer message) {
      int start = FIRST_ELEMENT + 1;
      int end = start;
      while (message.get(end) != 0) {
        end++;
      }
      byte[] name = new byte[end - start];
      message.get(start, name);
      return new String(name, StandardCharsets.UTF_8);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing a test relay is best effort
    }
  }
}
