package io.udm.app.faults;

/**
 * The process died at this point: an {@link Error}, so the saga compensates nothing and no caller
 * catches it as an ordinary failure. The operation is abandoned mid-way.
 */
public final class SimulatedCrash extends Error {
  public SimulatedCrash(String where) {
    super("simulated crash " + where, null, false, false);
  }
}
