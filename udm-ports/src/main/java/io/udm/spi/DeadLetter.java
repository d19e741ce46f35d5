package io.udm.spi;

import java.time.Instant;

/** A retry op that used up its attempts. */
public record DeadLetter(String deadLetterId, RetryOp op, Instant failedAt, String lastError) {}
