package io.udm.app;

import io.udm.app.faults.FaultInjector;
import io.udm.app.faults.FaultyPorts;
import io.udm.app.faults.HeldCall;

/**
 * A process's clients whose next version append (or head move) can be held on its way to the store
 * and delivered late, however late: the request sits in a socket, a driver retry or a paused JVM
 * while the rest of the world moves on. {@link TestStores#heldCalls} gives one per wiring: in
 * memory a stalling port ({@link #inProcess}), on servers a TCP relay between the process and its
 * MongoDB.
 */
public interface HeldCalls {
  /** The store calls that commit a write: the version's append, then the head's move. */
  enum StoreCall {
    APPEND("versions.append"),
    HEAD_MOVE("heads.compareAndSet");

    private final String portCall;

    StoreCall(String portCall) {
      this.portCall = portCall;
    }

    /** The call's name on a {@link FaultInjector}. */
    public String portCall() {
      return portCall;
    }
  }

  /** The process's storage ports, to open a Udm on. */
  StoragePorts ports();

  /** Arms the hold: the next such call these clients send is held. */
  void holdNext(StoreCall call);

  /** Waits until a call is held. */
  void awaitHeld() throws InterruptedException;

  /** Lets the held call reach the store. */
  void release();

  /**
   * How long (real time) a test holds the call so that every timeout of the clients runs out too:
   * the writer's driver gives up on the request, and it still arrives.
   */
  default java.time.Duration pastClientTimeouts() {
    return java.time.Duration.ZERO;
  }

  /** Holds the call inside the store call, after every check the writer makes, on the writer's own thread. */
  static HeldCalls inProcess(StoragePorts clients) {
    FaultInjector faults = new FaultInjector();
    StoragePorts ports = FaultyPorts.wrap(clients, faults);
    return new HeldCalls() {
      private HeldCall held;

      @Override
      public StoragePorts ports() {
        return ports;
      }

      @Override
      public void holdNext(StoreCall call) {
        held = HeldCall.holdNth(faults, call.portCall(), faults.calls(call.portCall()) + 1);
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
