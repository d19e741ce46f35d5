package io.udm.adapter.s3;

import io.udm.spi.BlobStore;
import io.udm.spi.contract.BlobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link BlobStore} contract on the S3 adapter, over one S3Proxy (in-memory store) for the
 * whole class; the tests share its three buckets, each under a key prefix of its own.
 */
class S3BlobStoreContractTest extends BlobStoreContract {
  private static S3ProxyServer server;
  private static S3Storage storage;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    storage = S3Storage.open(server.conn("contract"), S3Settings.builder().createBucketsIfMissing(true).build());
  }

  @AfterAll
  static void stopServer() {
    storage.close();
    server.close();
  }

  @Override
  protected BlobStore newStore() {
    return storage.blobs();
  }
}
