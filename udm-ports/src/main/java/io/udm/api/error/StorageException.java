package io.udm.api.error;

/** A backend (MongoDB or object storage) failed; the message names it, without credentials. */
public class StorageException extends UdmException {
  private final boolean transientFailure;

  public StorageException(String message, boolean transientFailure) {
    super(message);
    this.transientFailure = transientFailure;
  }

  public StorageException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  /** True when retrying later may succeed (timeout, refused connection, 5xx). */
  public boolean isTransient() {
    return transientFailure;
  }
}
