package io.udm.api.error;

/** A legal hold forbids the call (a hard delete of held data); release the hold first, if that is right. */
public class LegalHoldException extends UdmException {
  private final String holdId;

  public LegalHoldException(String message, String holdId) {
    super(message);
    this.holdId = holdId;
  }

  /** The hold that forbids it (one of them, when several do). */
  public String holdId() {
    return holdId;
  }
}
