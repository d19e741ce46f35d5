package io.udm.api.error;

/** Base of every UDM error. Unchecked; messages say what went wrong and what to do, never a secret. */
public class UdmException extends RuntimeException {
  public UdmException(String message) {
    super(message);
  }

  public UdmException(String message, Throwable cause) {
    super(message, cause);
  }
}
