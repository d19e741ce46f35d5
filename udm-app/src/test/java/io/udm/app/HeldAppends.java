package io.udm.app;

import io.udm.app.faults.FaultInjector;
import io.udm.app.faults.FaultyPorts;
import io.udm.app.faults.HeldCall;

/**
 * A process's clients whose next version append can be held on its way to the store and delivered
 * late, however late: the request sits in a socket, a driver retry or a paused JVM while the rest of
 * the world moves on. {@link TestStores#heldAppends} gives one per wiring: in memory a stalling port
 * ({@link #inProcess}), on servers a TCP relay between the process and its MongoDB.
 */
public interface HeldAppends {
  /** The process's storage ports, to open a Udm on. */
  StoragePorts ports();

  /** Arms the hold: the next version append these clients send is held. */
  void holdNext();

  /** Waits until an append is held. */
  void awaitHeld() throws InterruptedException;

  /** Lets the held append reach the store. */
  void release();

  /**
   * How long (real time) a test holds the append so that every timeout of the clients runs out too:
   * the writer's driver gives up on the request, and it still arrives.
   */
  default java.time.Duration pastClientTimeouts() {
    return java.time.Duration.ZERO;
  }

  /** Holds the append inside the store call, after every check the writer makes, on the writer's own thread. */
  static HeldAppends inProcess(StoragePorts clients) {
    FaultInjector faults = new FaultInjector();
    StoragePorts ports = FaultyPorts.wrap(clients, faults);
    return new HeldAppends() {
      private HeldCall held;

      @Override
      public StoragePorts ports() {
        return ports;
      }

      @Override
      public void holdNext() {
        held = HeldCall.holdNth(faults, "versions.append", faults.calls("versions.append") + 1);
      }

      @Override
      public void awaitHeld() throws InterruptedException {
        held.awaitHeld();
      }

      @Override
      public void release() {
        held.release();
      }
    };
  }
}
