package io.udm.app.effects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.spi.BackendPorts;
import io.udm.spi.PendingEffects;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * A version's owed work in this process's hands.
 *
 * @param storedDocument the version's stored JSON when at hand (the committing process has it; a
 *     sweeper reads it from the payload if a dev shadow needs it)
 */
record OwedWork(BackendPorts backend, VersionRecord version, PendingEffects effects,
    Optional<ObjectNode> storedDocument) {}
