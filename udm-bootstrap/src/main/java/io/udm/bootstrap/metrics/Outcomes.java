package io.udm.bootstrap.metrics;

import io.udm.api.error.ExternalizationException;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.error.StorageException;
import io.udm.api.error.TxnException;
import io.udm.api.error.ValidationException;
import java.util.Optional;

/** The {@code outcome} tag of a call: a few fixed words, so that the number of series stays small. */
final class Outcomes {
  static final String SUCCESS = "success";
  static final String NOT_FOUND = "not_found";
  static final String CONFLICT = "conflict";
  static final String VALIDATION = "validation";
  static final String QUEUED = "queued";
  static final String STORAGE = "storage";
  static final String ERROR = "error";
  /** A storage call or request that succeeded (its failures are {@link #ERROR}). */
  static final String OK = "ok";

  private Outcomes() {}

  /** A read that answered nothing found its item missing. */
  static String ofResult(Object result) {
    return result instanceof Optional<?> optional && optional.isEmpty() ? NOT_FOUND : SUCCESS;
  }

  static String ofFailure(Throwable failure) {
    if (failure instanceof OptimisticLockException) {
      return CONFLICT;
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (failure instanceof ValidationException || failure instanceof ExternalizationException) {
      return VALIDATION;
    }
    if (failure instanceof QueuedForRetryException) {
      return QUEUED;
    }
    if (failure instanceof StorageException || failure instanceof TxnException) {
      return STORAGE;
    }
    return ERROR;
  }

  /** A storage call either answered or failed: what it answered is the caller's business. */
  static String ofStorageCall(Object ignored) {
    return OK;
  }

  static String ofStorageFailure(Throwable ignored) {
    return ERROR;
  }
}
