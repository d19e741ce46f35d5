package io.udm.api.error;

/** The write failed transiently and was durably queued; the fallback worker will retry it. */
public class QueuedForRetryException extends UdmException {
  private final String requestId;

  public QueuedForRetryException(String requestId, String message, Throwable cause) {
    super(message, cause);
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }
}
