package io.udm.api.error;

/** A multi-step commit could not complete and was rolled back or compensated. */
public class TxnException extends UdmException {
  public TxnException(String message) {
    super(message);
  }

  public TxnException(String message, Throwable cause) {
    super(message, cause);
  }
}
