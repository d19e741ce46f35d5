package io.udm.api.error;

/** A write expected the item at one version and found another; re-read and retry. */
public class OptimisticLockException extends UdmException {
  private final long expectedOv;
  private final long actualOv;

  public OptimisticLockException(String message, long expectedOv, long actualOv) {
    super(message);
    this.expectedOv = expectedOv;
    this.actualOv = actualOv;
  }

  /** The usual case: {@code itemId} was expected at {@code expectedOv} (0 = absent) and is at {@code actualOv}. */
  public static OptimisticLockException stale(String itemId, long expectedOv, long actualOv) {
    String found = actualOv == 0 ? "it does not exist" : "it is at ov " + actualOv;
    String expected = expectedOv == 0 ? "expected it to be absent" : "expected ov " + expectedOv;
    String advice =
        expectedOv == 0
            ? "; use update, or create with another objectId"
            : "; read the latest version and retry with expectedOv " + actualOv;
    return new OptimisticLockException(
        "item '" + itemId + "' changed concurrently: " + expected + " but " + found + advice,
        expectedOv,
        actualOv);
  }

  public long expectedOv() {
    return expectedOv;
  }

  public long actualOv() {
    return actualOv;
  }
}
