package io.udm.app.fallback;

/** Features whose behaviour lands in a later release; each names itself, so callers know what is missing. */
final class NotYetAvailable {
  private NotYetAvailable() {}

  static UnsupportedOperationException feature(String feature) {
    return new UnsupportedOperationException(feature + " is not available in this UDM build yet");
  }
}
