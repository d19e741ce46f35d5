package io.udm.app.write;

import io.udm.spi.VersionRecord;

/**
 * A write that has just committed, as after-commit work sees it.
 *
 * @param write what was prepared and committed, including the stored document (data plus {@code _system})
 * @param after the version just committed
 */
public record CommittedWrite(PreparedWrite write, VersionRecord after) {}
