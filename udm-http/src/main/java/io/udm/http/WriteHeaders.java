package io.udm.http;

import io.udm.api.EnrichOptions;
import io.udm.api.WriteOptions;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a write's headers say: its preconditions as expectedOv (see {@link Preconditions}),
 * Idempotency-Key (requestId), X-Udm-Actor, X-Udm-Reason.
 */
record WriteHeaders(OptionalLong expectedOv, Optional<String> requestId, Optional<String> actor, Optional<String> reason) {
  /** A write with no precondition (a create). */
  static WriteHeaders of(HttpCall call) {
    return of(call, OptionalLong.empty());
  }

  static WriteHeaders of(HttpCall call, OptionalLong expectedOv) {
    return new WriteHeaders(expectedOv, call.idempotencyKey(), call.header("X-Udm-Actor"),
        call.header("X-Udm-Reason"));
  }

  WriteOptions writeOptions(Optional<String> objectId) {
    var b = WriteOptions.builder();
    objectId.ifPresent(b::objectId);
    expectedOv.ifPresent(b::expectedOv);
    requestId.ifPresent(b::requestId);
    actor.ifPresent(b::actor);
    reason.ifPresent(b::reason);
    return b.build();
  }

  EnrichOptions enrichOptions(String functionId) {
    var b = EnrichOptions.builder().functionId(functionId);
    expectedOv.ifPresent(b::expectedOv);
    requestId.ifPresent(b::requestId);
    actor.ifPresent(b::actor);
    reason.ifPresent(b::reason);
    return b.build();
  }
}
