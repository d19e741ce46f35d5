package io.udm.adapter.s3;

/**
 * Stands in for an SDK exception as the cause of a {@code StorageException}: it keeps the
 * original's class name, scrubbed message and stack trace for debugging, while no SDK type (and no
 * credential an SDK message might echo) crosses the port.
 */
final class SanitizedCause extends RuntimeException {
  private static final int MAX_DEPTH = 8;

  private SanitizedCause(String message, SanitizedCause cause) {
    // Suppressed exceptions (earlier retry attempts) are not carried: same failure, more echo risk.
    super(message, cause, false, true);
  }

  static SanitizedCause of(Throwable original, CredentialScrubber scrubber) {
    return of(original, scrubber, 0);
  }

  private static SanitizedCause of(Throwable original, CredentialScrubber scrubber, int depth) {
    Throwable next = original.getCause();
    SanitizedCause cause =
        next != null && next != original && depth < MAX_DEPTH ? of(next, scrubber, depth + 1) : null;
    String message = original.getClass().getName();
    String originalMessage = scrubber.scrub(original.getMessage(), 500);
    if (originalMessage != null) {
      message += ": " + originalMessage;
    }
    SanitizedCause copy = new SanitizedCause(message, cause);
    copy.setStackTrace(original.getStackTrace());
    return copy;
  }
}
