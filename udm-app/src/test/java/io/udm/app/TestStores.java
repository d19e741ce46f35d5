package io.udm.app;

import java.util.UUID;

/**
 * Where a suite's stores live, so one suite runs on every wiring: in memory ({@link MemoryStores}),
 * or on MongoDB + S3 servers in this JVM ({@code io.udm.bootstrap.wiring.MongoS3Stores}).
 */
public interface TestStores {
  /**
   * A clock for one test. In memory it starts at {@code start} and also stamps the blobs. Where the
   * object store stamps blobs with real time (S3Proxy) it starts at real time instead, so that
   * moving it ages the blobs as garbage collection sees them.
   */
  MutableClock clock(String start);

  /**
   * Storage ports for one test: fresh in memory, blobs stamped by {@code clock}; on servers, shared
   * by every test of the class, so each test keeps to tenants of its own ({@link #tenant}). Closing
   * a Udm opened on them leaves them open.
   */
  StoragePorts ports(MutableClock clock);

  /**
   * The same stores through clients of their own (another process would have its own): on servers
   * a second set of connections, opened once per class; in memory {@code ports} themselves (there
   * is nothing else to share them through).
   */
  default StoragePorts otherClients(StoragePorts ports, MutableClock clock) {
    return ports;
  }

  /**
   * Clients of the same stores, as another process has, whose next version append or head move a
   * test can hold on its way to the store and deliver late. In memory a stalling port holds the
   * call in the process.
   */
  default HeldCalls heldCalls(StoragePorts ports, MutableClock clock) {
    return HeldCalls.inProcess(otherClients(ports, clock));
  }

  /** A tenant id no other test uses, for tests whose stores are shared. */
  static String tenant(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
