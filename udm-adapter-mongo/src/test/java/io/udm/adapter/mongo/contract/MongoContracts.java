package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.adapter.mongo.MongoStorage;
import io.udm.spi.CounterStore;
import io.udm.spi.HeadStore;
import io.udm.spi.HoldStore;
import io.udm.spi.IndexStates;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.RetryQueue;
import io.udm.spi.SequenceStore;
import io.udm.spi.contract.CounterStoreContract;
import io.udm.spi.contract.HeadStoreContract;
import io.udm.spi.contract.HoldStoreContract;
import io.udm.spi.contract.IndexStatesContract;
import io.udm.spi.contract.PlacementRegistryContract;
import io.udm.spi.contract.RetryQueueContract;
import io.udm.spi.contract.SequenceStoreContract;
import io.udm.spi.contract.TestRecords;
import io.udm.spi.contract.VersionLogContract;
import io.udm.spi.contract.VersionRecordPorts;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * Every port contract on the Mongo adapters, opened the way production opens them, over one server
 * for the whole class. A subclass names the server ({@link InJvmMongoContractsTest}: mongo-java-server
 * in this JVM; {@link MongoContainerContractsTest}: a real replica set where Docker runs). The suites
 * isolate their tests by random tenants, collections and ids, and the retry queue suite by fresh
 * collection names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MongoContracts {
  private final QueryShapes heard = new QueryShapes();
  private MongoStorage storage;
  private MongoCountersStorage counters;

  /** Starts (or finds) the server and returns its connection string; called once per class. */
  protected abstract String startServer();

  /** Stops what {@link #startServer()} started, if it owns it. */
  protected abstract void stopServer();

  /** The query shapes the storages sent: one example of each. */
  protected QueryShapes heard() {
    return heard;
  }

  @BeforeAll
  void openStorages() {
    String uri = startServer();
    storage = MongoContractStorages.openStorage(uri, List.of(heard));
    counters = MongoContractStorages.openCounters(uri, List.of(heard));
  }

  @AfterAll
  void closeStorages() {
    if (counters != null) {
      counters.close();
    }
    if (storage != null) {
      storage.close();
    }
    stopServer();
  }

  protected MongoStorage storage() {
    return storage;
  }

  protected MongoCountersStorage counters() {
    return counters;
  }

  @Nested
  class Heads extends HeadStoreContract {
    @Override
    protected HeadStore newStore() {
      return storage.heads();
    }
  }

  @Nested
  class Versions extends VersionLogContract {
    @Override
    protected VersionRecordPorts newLog() {
      return new VersionRecordPorts(storage.versions(), storage.outbox(), storage.requestMemos());
    }
  }

  @Nested
  class Sequences extends SequenceStoreContract {
    @Override
    protected SequenceStore newStore() {
      return storage.sequences();
    }
  }

  @Nested
  class Counters extends CounterStoreContract {
    @Override
    protected CounterStore newStore() {
      return counters.counters();
    }
  }

  @Nested
  class Placements extends PlacementRegistryContract {
    @Override
    protected PlacementRegistry newRegistry() {
      return counters.placements();
    }
  }

  @Nested
  class Holds extends HoldStoreContract {
    @Override
    protected HoldStore newStore() {
      return counters.holds();
    }
  }

  @Nested
  class IndexStateRecords extends IndexStatesContract {
    @Override
    protected IndexStates newStates() {
      return counters.indexStates();
    }
  }

  /** The contract needs an empty queue per test: a queue and dead letters of fresh collection names. */
  @Nested
  class Retries extends RetryQueueContract {
    @Override
    protected RetryQueue newQueue() {
      String unique = TestRecords.unique();
      return counters.retryQueue("retry_queue_" + unique, "dead_letters_" + unique);
    }
  }
}
