package io.udm.bootstrap.metrics;

import io.udm.bootstrap.wiring.TcpRelay;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TcpRelay} in front of a MongoDB server that counts, by name, the commands
 * clients send through it: what the server receives, read off the wire, apart from anything the
 * driver reports. It reads each message's header and the first field of an {@code OP_MSG} body (the
 * command's name); the bytes pass through unchanged.
 */
final class MongoWireCounter implements AutoCloseable {
  private static final int OP_MSG = 2013;
  /** Message header (16 bytes), flag bits (4), section kind (1), document length (4), then the first element's type. */
  private static final int FIRST_ELEMENT = 25;

  private final TcpRelay relay;
  private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();

  private MongoWireCounter(int serverPort) {
    String loopback = InetAddress.getLoopbackAddress().getHostAddress();
    this.relay = TcpRelay.to(loopback, serverPort, "mongo-counter", () -> {
      Messages messages = new Messages();
      return (chunk, length, client) -> {
        messages.read(chunk, length);
        return true;
      };
    });
  }

  /** A counting relay to the MongoDB server on loopback port {@code serverPort}. */
  static MongoWireCounter to(int serverPort) {
    return new MongoWireCounter(serverPort);
  }

  int port() {
    return relay.port();
  }

  /** The commands clients sent so far, by name. */
  Map<String, Long> commands() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    commands.forEach((name, n) -> counts.put(name, n.get()));
    return counts;
  }

  @Override
  public void close() {
    relay.close();
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
}
