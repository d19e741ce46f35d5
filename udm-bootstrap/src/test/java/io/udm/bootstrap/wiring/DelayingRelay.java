package io.udm.bootstrap.wiring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TcpRelay} in front of a server. Armed with {@link #holdNext}, it keeps the next chunk a
 * client sends that contains given text (a MongoDB command names its collection in plain bytes)
 * until {@link #deliver}: the request sits in its link, whatever its sender's driver does meanwhile
 * (waits, times out, retries on another connection), and reaches the server late, as sent. Other
 * links flow.
 */
public final class DelayingRelay implements AutoCloseable {
  private final TcpRelay relay;
  private final Object gate = new Object();
  private byte[] armedFor;
  private boolean holding;
  private volatile boolean closed;

  private DelayingRelay(String host, int port) {
    this.relay = TcpRelay.to(host, port, "relay", () -> (chunk, length, client) -> {
      passGate(chunk, length);
      return true;
    });
  }

  /** A relay to {@code host:port}, listening on a free loopback port. */
  public static DelayingRelay to(String host, int port) {
    return new DelayingRelay(host, port);
  }

  public int port() {
    return relay.port();
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
    relay.close();
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
}
