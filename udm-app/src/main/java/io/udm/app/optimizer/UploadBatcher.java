package io.udm.app.optimizer;

import io.udm.api.error.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code writeOptimization.batchS3}: uploads that arrive while others are in flight are gathered and
 * sent together, concurrently, on a bounded pool, when the uploads in flight are done or {@code
 * batchWindowMs} after the first of them arrived, or at once when {@link #MAX_BATCH} are waiting.
 * An upload that arrives when none is in flight goes out at once on its caller's thread, so a lone
 * writer is never delayed; a waiting one is delayed by at most the window. Each upload has its own
 * outcome: a failed one fails only the write that asked for it. S3 has no multi-object PUT, so the
 * gain is in fewer, fuller rounds of concurrent requests rather than in fewer requests.
 */
final class UploadBatcher implements AutoCloseable {
  /** Uploads in one batch at most; also the pool's size. */
  static final int MAX_BATCH = 32;

  private final long windowMillis;
  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final Object lock = new Object();
  private List<Upload> waiting = new ArrayList<>();
  private int inFlight;
  private boolean timerArmed;
  private boolean closed;
  private final AtomicLong uploadsBatched = new AtomicLong();
  private final AtomicLong batchesSent = new AtomicLong();

  UploadBatcher(long windowMillis) {
    this.windowMillis = Math.max(1, windowMillis);
    ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_BATCH, MAX_BATCH, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemon("udm-upload"));
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("udm-upload-window"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.timer = scheduler;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Runs {@code upload} now or with the next batch, and returns when it is done (or throws its failure). */
  void upload(Runnable upload) {
    Upload mine = new Upload(upload);
    boolean alone;
    synchronized (lock) {
      alone = inFlight == 0 || closed;
      if (alone) {
        inFlight++;
      } else {
        waiting.add(mine);
        if (waiting.size() >= MAX_BATCH) {
          sendWaitingLocked();
        } else if (!timerArmed) {
          timerArmed = true;
          timer.schedule(this::windowElapsed, windowMillis, TimeUnit.MILLISECONDS);
        }
      }
    }
    if (alone) {
      try {
        upload.run();
      } finally {
        done();
      }
      return;
    }
    await(mine.result);
  }

  private static void await(CompletableFuture<Void> result) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          result.get();
          return;
        } catch (InterruptedException e) {
          // The upload is under way for this write: wait for its outcome, then restore the flag.
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new StorageException("upload failed: " + cause, true, cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void windowElapsed() {
    synchronized (lock) {
      timerArmed = false;
      sendWaitingLocked();
    }
  }

  private void done() {
    synchronized (lock) {
      inFlight--;
      if (inFlight == 0) {
        sendWaitingLocked();
      }
    }
  }

  private void sendWaitingLocked() {
    if (waiting.isEmpty()) {
      return;
    }
    List<Upload> batch = waiting;
    waiting = new ArrayList<>();
    inFlight += batch.size();
    batchesSent.incrementAndGet();
    uploadsBatched.addAndGet(batch.size());
    for (Upload upload : batch) {
      pool.execute(() -> {
        try {
          upload.work.run();
          upload.result.complete(null);
        } catch (Throwable failed) {
          upload.result.completeExceptionally(failed);
        } finally {
          done();
        }
      });
    }
  }

  /** Uploads waiting for the next batch. */
  int waiting() {
    synchronized (lock) {
      return waiting.size();
    }
  }

  long uploadsBatched() {
    return uploadsBatched.get();
  }

  long batchesSent() {
    return batchesSent.get();
  }

  /** Sends what waits, lets uploads in flight finish, then stops the threads. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      sendWaitingLocked();
    }
    timer.shutdownNow();
    pool.shutdown();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Upload(Runnable work, CompletableFuture<Void> result) {
    Upload(Runnable work) {
      this(work, new CompletableFuture<>());
    }
  }
}
