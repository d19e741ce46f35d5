package io.udm.app.optimizer;

import io.udm.adapter.memory.InMemoryBlobAdapter;
import io.udm.spi.BlobStore;
import io.udm.spi.contract.BlobStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The object store every use case actually sees (a backend's store behind the payload cache, and
 * the upload batcher when {@code batchS3}) keeps the same contract as the store itself.
 */
class OptimizedBlobStoreContractTest {
  private static final long CACHE_BYTES = 1 << 20;

  @Nested
  class BehindThePayloadCache extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
      return new OptimizedBlobStore(new InMemoryBlobAdapter(), "m-0", new PayloadCache(CACHE_BYTES), Optional.empty());
    }
  }

  @Nested
  class WithoutACache extends BlobStoreContract {
    @Override
    protected BlobStore newStore() {
      return new OptimizedBlobStore(new InMemoryBlobAdapter(), "m-0", new PayloadCache(0), Optional.empty());
    }
  }

  @Nested
  class BehindTheCacheWithBatchedUploads extends BlobStoreContract {
    private final List<UploadBatcher> batchers = new ArrayList<>();

    @Override
    protected BlobStore newStore() {
      UploadBatcher batcher = new UploadBatcher(5);
      batchers.add(batcher);
      return new OptimizedBlobStore(new InMemoryBlobAdapter(), "m-0", new PayloadCache(CACHE_BYTES),
          Optional.of(batcher));
    }

    @AfterEach
    void stopBatchers() {
      batchers.forEach(UploadBatcher::close);
      batchers.clear();
    }
  }
}
