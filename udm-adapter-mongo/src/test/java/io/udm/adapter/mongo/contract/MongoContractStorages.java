package io.udm.adapter.mongo.contract;

import com.mongodb.event.CommandListener;
import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.adapter.mongo.MongoSettings;
import io.udm.adapter.mongo.MongoStorage;
import java.time.Duration;
import java.util.List;

/**
 * Opens the adapters' storages the way production does ({@code open}: connect, ping, detect
 * transactions, create indexes) for the contract tests, on whichever server a test class runs.
 * Fixed database names are fine: the suites isolate their tests by random tenants, collections and
 * ids, and the retry queue suite by fresh collection names.
 */
final class MongoContractStorages {
  static final String DATABASE = "udm_contract";
  static final String COUNTERS_DATABASE = "udm_contract_counters";
  static final String DEAD_LETTERS = "dead_letters";

  private MongoContractStorages() {}

  static MongoStorage openStorage(String uri, List<CommandListener> listeners) {
    return MongoStorage.open(uri, settings(DATABASE, listeners));
  }

  static MongoCountersStorage openCounters(String uri, List<CommandListener> listeners) {
    return MongoCountersStorage.open(uri, settings(COUNTERS_DATABASE, listeners), DEAD_LETTERS);
  }

  /**
   * The production defaults (majority write and read concern included) but a generous server
   * selection wait: on a busy build machine the first connection may be slow, and the wait only
   * bounds a failure; nothing asserts on time.
   */
  static MongoSettings settings(String databaseName, List<CommandListener> listeners) {
    return MongoSettings.builder().databaseName(databaseName).serverSelectionTimeout(Duration.ofSeconds(30))
        .commandListeners(listeners).build();
  }
}
