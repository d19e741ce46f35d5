package io.udm.bootstrap.wiring;

import io.udm.app.StoragePorts;

/**
 * Wraps the ports a storage module opened before any use case sees them: metrics time every
 * storage call this way. {@link #NONE} leaves them as they are.
 */
@FunctionalInterface
public interface PortDecorator {
  PortDecorator NONE = ports -> ports;

  StoragePorts decorate(StoragePorts ports);
}
