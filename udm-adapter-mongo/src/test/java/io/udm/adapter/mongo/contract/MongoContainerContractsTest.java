package io.udm.adapter.mongo.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The port contracts on the Mongo adapters over a real MongoDB replica set (shared by the test JVM);
 * skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerContractsTest extends MongoContracts {
  @Override
  protected String startServer() {
    return SharedMongoContainer.replicaSetUrl();
  }

  @Override
  protected void stopServer() {
    // The shared container stops when the JVM exits.
  }

  /** The counterpart of the in-JVM server being seen to lack transactions ({@code MongoStorageTest}). */
  @Test
  void aReplicaSetIsSeenToRunTransactions() {
    assertThat(storage().supportsTransactions()).isTrue();
    assertThat(counters().supportsTransactions()).isTrue();
  }
}
