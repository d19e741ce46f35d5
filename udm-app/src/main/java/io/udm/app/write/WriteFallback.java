package io.udm.app.write;

import io.udm.api.error.StorageException;
import io.udm.domain.write.WriteRequest;

/**
 * What the pipeline does with a write that failed transiently before (or without knowing whether)
 * it committed. The fallback queue implements it; the pipeline only knows this interface, so the
 * write package does not depend on the fallback package.
 */
public interface WriteFallback {
  /** No queue: every failure reaches the caller as it is. */
  WriteFallback NONE = new WriteFallback() {
    @Override
    public boolean queues(WriteRequest request) {
      return false;
    }

    @Override
    public WriteRequest identified(WriteRequest request) {
      return request;
    }

    @Override
    public RuntimeException queueOrFail(WriteRequest request, StorageException transientFailure) {
      return transientFailure;
    }
  };

  /** Whether a transient failure of {@code request} would be queued. */
  boolean queues(WriteRequest request);

  /**
   * The request with a request id (generated when the caller gave none), so that a queued retry of
   * a write that did commit is answered from the log instead of writing twice.
   */
  WriteRequest identified(WriteRequest request);

  /**
   * Queues {@code request} and returns the {@link io.udm.api.error.QueuedForRetryException} to
   * throw, only once the queue acknowledged it; otherwise returns {@code transientFailure}.
   */
  RuntimeException queueOrFail(WriteRequest request, StorageException transientFailure);
}
