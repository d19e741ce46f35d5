package io.udm.app.optimizer;

import io.udm.spi.BlobStore;

/**
 * The object store behind the payload cache, for the one read that must see the store itself: a
 * listing reads each head's payload, and a payload missing there is how it learns that the head's
 * version was pruned or removed by another process (it then rolls the head forward or reports the
 * damage). A cached copy would hide that; reads that start from a version record do not need it.
 */
public final class Uncached {
  private Uncached() {}

  public static BlobStore store(BlobStore blobs) {
    return blobs instanceof OptimizedBlobStore optimized ? optimized.store() : blobs;
  }
}
