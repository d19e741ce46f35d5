package io.udm.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs one task on several threads released together, to make races likely; results in thread order. */
final class Race {
  private Race() {}

  static <T> List<T> run(int threads, IntFunction<T> task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(pool.submit(() -> {
          go.await();
          return task.apply(thread);
        }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } catch (Exception e) {
      throw new AssertionError("a racing task failed", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
