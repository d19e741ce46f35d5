package io.udm.http;

import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ReadOptions;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * RFC 9110 preconditions (section 13.2) of a write to an existing item, turned into the {@code
 * expectedOv} the write carries, so the check and the write are one atomic step in storage: a
 * version that changed between a read here and the write fails the write, and the caller gets 412.
 * Entity tags are ovs; a deleted item's latest version still has one.
 */
final class Preconditions {
  private Preconditions() {}

  /**
   * The expectedOv for a write to {@code id} under the request's If-Match and If-None-Match (not
   * {@code If-None-Match: *} on PUT, which creates); empty when the write is unconditional. Throws 412
   * when a precondition fails now.
   */
  static OptionalLong forWrite(HttpCall call, ItemOps items, String id) {
    Optional<EntityTags> ifMatch = call.entityTags("If-Match");
    Optional<EntityTags> ifNoneMatch = call.entityTags("If-None-Match");
    if (ifMatch.isEmpty() && ifNoneMatch.isEmpty()) {
      return OptionalLong.empty();
    }
    if (ifMatch.isPresent() && ifMatch.get().noStrongOv()) {
      throw failed("If-Match names no current entity tag of '" + id + "' (weak tags never match; ETags are \"ov\")");
    }
    OptionalLong single = ifMatch.map(EntityTags::singleStrongOv).orElse(OptionalLong.empty());
    if (ifNoneMatch.isEmpty() && single.isPresent()) {
      return single; // the common case needs no read: storage compares the ov
    }
    Optional<ItemView> current = items.getLatest(id, ReadOptions.builder().includeDeleted(true).build());
    if (current.isEmpty()) {
      if (ifMatch.isPresent()) {
        throw failed("If-Match needs a current version, and '" + id + "' has none");
      }
      return OptionalLong.empty(); // nothing matches If-None-Match; the write reports the missing item
    }
    long ov = current.get().ov();
    if (ifMatch.isPresent() && !ifMatch.get().matchesStrongly(ov)) {
      throw failed("If-Match does not name the current entity tag of '" + id + "', \"" + ov + "\"");
    }
    if (ifNoneMatch.isPresent() && ifNoneMatch.get().matchesWeakly(ov)) {
      throw failed("If-None-Match names the current entity tag of '" + id + "', \"" + ov + "\"");
    }
    return OptionalLong.of(ov);
  }

  /**
   * For a read of {@code found} (RFC 9110 13.2.2): If-Match that does not match is 412; If-None-Match
   * that does (weakly, or {@code *}) is 304. Empty means answer with the item.
   */
  static Optional<Response> forRead(HttpCall call, ItemView found) {
    Optional<EntityTags> ifMatch = call.entityTags("If-Match");
    if (ifMatch.isPresent() && !ifMatch.get().matchesStrongly(found.ov())) {
      throw failed("If-Match does not name the current entity tag, \"" + found.ov() + "\"");
    }
    Optional<EntityTags> ifNoneMatch = call.entityTags("If-None-Match");
    if (ifNoneMatch.isPresent() && ifNoneMatch.get().matchesWeakly(found.ov())) {
      return Optional.of(Response.empty(304, java.util.Map.of()).withETag(found.ov()));
    }
    return Optional.empty();
  }

  private static HttpProblem failed(String detail) {
    return HttpProblem.preconditionFailed(detail);
  }
}
