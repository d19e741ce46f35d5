package io.udm.adapter.mongo.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.adapter.mongo.MongoStorage;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Transaction detection on a real replica set, the counterpart of the in-JVM server being seen to
 * lack them ({@code MongoStorageTest}); skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerTransactionsTest {
  @Test
  void aReplicaSetIsSeenToRunTransactions() {
    String url = SharedMongoContainer.replicaSetUrl();
    try (MongoStorage storage = MongoContractStorages.openStorage(url);
        MongoCountersStorage counters = MongoContractStorages.openCounters(url)) {
      assertThat(storage.supportsTransactions()).isTrue();
      assertThat(counters.supportsTransactions()).isTrue();
    }
  }
}
