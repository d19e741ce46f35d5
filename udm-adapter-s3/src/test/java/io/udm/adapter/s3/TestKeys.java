package io.udm.adapter.s3;

import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Writes numbered keys in bulk for the tests that need more than one page of them. */
final class TestKeys {
  private TestKeys() {}

  /** Keys {@code under + 00000 .. under + (count-1)}, in key order. */
  static List<String> numbered(String under, int count) {
    return IntStream.range(0, count).mapToObj(i -> under + String.format("%05d", i)).toList();
  }

  /** Puts every key (its own name as the body) with a few threads: thousands of keys stay quick. */
  static List<String> putAll(BlobStore blobs, BlobArea area, List<String> keys) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts =
          keys.stream().<Future<?>>map(key -> pool.submit(() -> blobs.put(area, key, bytes(key), "text/plain"))).toList();
      for (Future<?> put : puts) {
        put.get();
      }
      return keys;
    } catch (Exception e) {
      throw new IllegalStateException("could not write test keys", e);
    } finally {
      pool.shutdownNow();
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
