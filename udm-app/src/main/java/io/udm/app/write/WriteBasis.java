package io.udm.app.write;

import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one attempt of a write builds on: the request, the backend pair it commits on, and the
 * item's head there (empty for a new item).
 *
 * @param verified whether the head's version record was read too, with no newer one after it (a
 *     lagging head rolled forward). Otherwise the head alone was read, one request fewer: the
 *     commit then finds a lagging head by the next ov being taken, and, in a collection where an
 *     item was ever hard-deleted (the only way to a head that points at nothing), checks the
 *     head's record before it appends.
 * @param rememberedUnder present when the head came from this process's memory ({@link
 *     RememberedHeads}): the count of the collection's begun rewrites it is good for, which the
 *     commit's cv draw must confirm
 * @param ownWriteCv present when the head is this process's own last write of the item, used with no
 *     expectedOv: the cv it was written at, after which the commit's draw must show only this
 *     process's draws ({@link OwnDraws}), or the write reads the head
 */
public record WriteBasis(BackendPorts backend, WriteRequest request, Optional<HeadRecord> latest, boolean verified,
    OptionalLong rememberedUnder, OptionalLong ownWriteCv) {
  public ItemKey key() {
    return request.key();
  }
}
