package io.udm.app.rebalance;

import io.udm.api.error.StorageException;

/** A move found something it must not paper over; the collection stays where it is. */
final class MoveFailedException extends StorageException {
  MoveFailedException(String message) {
    super(message, false);
  }
}
