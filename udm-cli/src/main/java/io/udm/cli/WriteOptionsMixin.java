package io.udm.cli;

import io.udm.api.WriteOptions;
import picocli.CommandLine.Option;

/** The options every write takes. */
final class WriteOptionsMixin {
  @Option(names = "--expected-ov", paramLabel = "OV",
      description = "Fail (exit 4) unless the item is at this version; 0 = must not exist yet.")
  Long expectedOv;

  @Option(names = "--actor", paramLabel = "WHO", description = "Who makes the change (kept in the history).")
  String actor;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the history).")
  String reason;

  @Option(names = "--request-id", paramLabel = "ID",
      description = "Makes the write idempotent: repeating it with the same id returns the first result.")
  String requestId;

  WriteOptions build(String objectId) {
    var b = WriteOptions.builder();
    if (objectId != null) {
      b.objectId(objectId);
    }
    if (expectedOv != null) {
      b.expectedOv(expectedOv);
    }
    if (actor != null) {
      b.actor(actor);
    }
    if (reason != null) {
      b.reason(reason);
    }
    if (requestId != null) {
      b.requestId(requestId);
    }
    return b.build();
  }
}
