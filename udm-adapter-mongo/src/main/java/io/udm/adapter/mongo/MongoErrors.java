package io.udm.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import io.udm.api.error.StorageException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns every driver failure into a {@link StorageException} that names the backend by its redacted
 * endpoint, says whether a retry may help, and what to do. The driver exception is not attached as
 * the cause, so no driver type crosses a port; its kind, code and (sanitized) text go into the
 * message instead.
 */
final class MongoErrors {
  /**
   * Server codes that mean "not now, later may work": network and shutdown, elections and stepdowns,
   * time limits, write conflicts, write concern failures.
   */
  private static final Set<Integer> TRANSIENT_CODES = Set.of(
      6, 7, 50, 64, 89, 91, 112, 133, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);
  /** The label servers put on retryable write failures (the driver has no constant for it). */
  private static final String RETRYABLE_WRITE_ERROR_LABEL = "RetryableWriteError";
  private static final int AUTHENTICATION_FAILED = 18;
  private static final int UNAUTHORIZED = 13;
  private static final int MAX_DETAIL = 400;
  private static final Pattern USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/?#\\s]*@");
  private static final Pattern SECRET_OPTION =
      Pattern.compile("(?i)(password|secret|token|authMechanismProperties)=[^&\\s,}]*");

  private final String endpoint;

  /** @param redactedEndpoint the backend as users may see it, already without credentials */
  MongoErrors(String redactedEndpoint) {
    this.endpoint = redactedEndpoint;
  }

  String endpoint() {
    return endpoint;
  }

  /** Runs {@code work}, translating a driver failure; {@code action} completes "could not ...". */
  <T> T call(String action, Supplier<T> work) {
    try {
      return work.get();
    } catch (MongoException e) {
      throw translate(action, e);
    }
  }

  void run(String action, Runnable work) {
    call(action, () -> {
      work.run();
      return null;
    });
  }

  StorageException translate(String action, MongoException e) {
    boolean transientFailure = isTransient(e);
    String message = "MongoDB at " + endpoint + " could not " + action + ": " + e.getClass().getSimpleName()
        + (e.getCode() > 0 ? " (code " + e.getCode() + ")" : "") + ", " + sanitized(e.getMessage()) + ". "
        + advice(e, transientFailure);
    return new StorageException(message, transientFailure);
  }

  /** A unique index refused the write; told by the error code's category, never by message text. */
  static boolean isDuplicateKey(MongoException e) {
    return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }

  static boolean isTransient(MongoException e) {
    if (e instanceof MongoTimeoutException
        || e instanceof MongoExecutionTimeoutException
        || e instanceof MongoSocketException
        || e instanceof MongoNotPrimaryException
        || e instanceof MongoNodeIsRecoveringException
        || e instanceof MongoConnectionPoolClearedException
        || e instanceof MongoWriteConcernException) {
      return true;
    }
    if (e.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
        || e.hasErrorLabel(MongoException.UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL)
        || e.hasErrorLabel(MongoException.RETRYABLE_ERROR_LABEL)
        || e.hasErrorLabel(MongoException.SYSTEM_OVERLOADED_ERROR_LABEL)
        || e.hasErrorLabel(RETRYABLE_WRITE_ERROR_LABEL)) {
      return true;
    }
    if (TRANSIENT_CODES.contains(e.getCode())
        || ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.EXECUTION_TIMEOUT) {
      return true;
    }
    return e.getCause() instanceof MongoException cause && cause != e && isTransient(cause);
  }

  private static String advice(MongoException e, boolean transientFailure) {
    if (transientFailure) {
      return "The server did not answer in time or could not be reached: check that it runs and that this host"
          + " can reach it; retrying later may succeed.";
    }
    if (e instanceof MongoSecurityException || e.getCode() == AUTHENTICATION_FAILED) {
      return "Authentication failed: check the user, password and authSource of the connection string.";
    }
    if (e.getCode() == UNAUTHORIZED) {
      return "The user lacks a privilege: grant it readWrite on the UDM database (and createIndex).";
    }
    if (e instanceof MongoCommandException || e instanceof MongoClientException) {
      return "This is not expected to pass on retry: check the server version and settings named above.";
    }
    return "This is not expected to pass on retry: check the server's log for this error.";
  }

  /** The driver's text without anything that looks like credentials, and not endless. */
  static String sanitized(String text) {
    if (text == null) {
      return "no details";
    }
    String clean = SECRET_OPTION.matcher(USER_INFO.matcher(text).replaceAll("$1***:***@")).replaceAll("$1=***");
    return clean.length() <= MAX_DETAIL ? clean : clean.substring(0, MAX_DETAIL) + "...";
  }
}
