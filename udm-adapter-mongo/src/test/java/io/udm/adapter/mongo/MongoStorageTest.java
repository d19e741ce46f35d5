package io.udm.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.spi.ItemKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MongoStorageTest {
  private static final String PASSWORD = "s3cr3t-Pw";
  private static InJvmMongo mongo;

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  @Test
  void openingTwiceFindsEveryIndexInPlace() {
    mongo.openStorage("indexes_test").close();
    mongo.openCounters("indexes_test_counters").close();
    try (MongoStorage again = mongo.openStorage("indexes_test")) {
      again.createQueryIndexes(List.of("status", "profile.score"));
      again.createQueryIndexes(List.of("status"));
    }
    mongo.openCounters("indexes_test_counters").close();

    assertThat(uniqueIndexes("indexes_test", "heads")).contains("_id_", "id_ov_unique");
    assertThat(uniqueIndexes("indexes_test", "versions")).contains("_id_", "item_ov_unique", "request_key_unique");
    assertThat(indexNames("indexes_test", "heads")).contains("meta_status", "meta_profile.score");
    assertThat(indexNames("indexes_test_counters", "retry_queue")).contains("due", "enqueued");
    assertThat(indexNames("indexes_test_counters", "dead_letters")).contains("failed");
  }

  @Test
  void theInJvmServerIsSeenToLackTransactions() {
    try (MongoStorage storage = mongo.openStorage("txn_test");
        MongoCountersStorage counters = mongo.openCounters("txn_test_counters")) {
      assertThat(storage.supportsTransactions()).isFalse();
      assertThat(counters.supportsTransactions()).isFalse();
    }
  }

  @Test
  void aRunningServerAnswersThePing() {
    try (MongoStorage storage = mongo.openStorage("ping_test");
        MongoCountersStorage counters = mongo.openCounters("ping_test_counters")) {
      storage.health().ping();
      counters.health().ping();
      assertThat(storage.endpoint()).isEqualTo(mongo.uri());
    }
  }

  @Test
  void aServerThatStoppedGivesATransientErrorNamingTheEndpoint() {
    InJvmMongo doomed = InJvmMongo.start();
    MongoStorage storage = MongoStorage.open(doomed.uri(), quickSettings("stopped_test"));
    try {
      doomed.close();

      StorageException error = catchThrowableOfType(StorageException.class,
          () -> storage.heads().find(ItemKey.of(Records.newCollection(), "o1")));
      StorageException pingError = catchThrowableOfType(StorageException.class, () -> storage.health().ping());

      assertThat(error.isTransient()).isTrue();
      assertThat(error.getMessage()).contains("MongoDB at " + doomed.uri()).contains("could not read the head of");
      assertThat(error.getCause()).isNull();
      assertThat(pingError.isTransient()).isTrue();
    } finally {
      storage.close();
    }
  }

  @Test
  void anUnreachableServerFailsTheOpenTransientlyWithoutThePassword() {
    InJvmMongo gone = InJvmMongo.start();
    String uri = gone.uri().replace("mongodb://", "mongodb://udm:" + PASSWORD + "@") + "/?authSource=admin";
    gone.close();

    StorageException error = catchThrowableOfType(StorageException.class,
        () -> MongoStorage.open(uri, quickSettings("gone_test")));
    StorageException countersError = catchThrowableOfType(StorageException.class,
        () -> MongoCountersStorage.open(uri, quickSettings("gone_test"), "dead"));

    for (StorageException e : List.of(error, countersError)) {
      assertThat(e.isTransient()).isTrue();
      assertThat(e.getMessage()).contains("mongodb://***:***@").doesNotContain(PASSWORD).doesNotContain("udm:");
    }
  }

  @Test
  void anInvalidConnectionStringIsRejectedWithoutThePassword() {
    assertThatThrownBy(() -> MongoStorage.open("mongodb://udm:" + PASSWORD + "@/bad?x=", MongoSettings.defaults()))
        .isInstanceOf(ValidationException.class)
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void theRetryQueueNeedsTwoValidCollectionNames() {
    assertThatThrownBy(() -> MongoCountersStorage.open(mongo.uri(), InJvmMongo.settings("names_test"), "bad$name"))
        .isInstanceOf(ValidationException.class);
    try (MongoCountersStorage counters = mongo.openCounters("names_test")) {
      assertThatThrownBy(() -> counters.retryQueue("same", "same")).isInstanceOf(ValidationException.class);
    }
  }

  private static MongoSettings quickSettings(String database) {
    // Short waits only keep the test quick; nothing asserts on time.
    return MongoSettings.builder().databaseName(database)
        .serverSelectionTimeout(Duration.ofMillis(500)).connectTimeout(Duration.ofMillis(500)).build();
  }

  private static Set<String> uniqueIndexes(String database, String collection) {
    return indexes(database, collection, true);
  }

  private static Set<String> indexNames(String database, String collection) {
    return indexes(database, collection, false);
  }

  private static Set<String> indexes(String database, String collection, boolean uniqueOnly) {
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      List<Document> indexes = client.getDatabase(database).getCollection(collection).listIndexes().into(new ArrayList<>());
      return indexes.stream()
          .filter(index -> !uniqueOnly || index.getString("name").equals("_id_") || Boolean.TRUE.equals(index.get("unique")))
          .map(index -> index.getString("name"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void aBackendKeepsTheIdItWasFirstOpenedWith() {
    try (MongoStorage first = mongo.openStorage("identity_test")) {
      assertThat(first.claimBackendId("b-first")).isEqualTo("b-first");
    }
    try (MongoStorage later = mongo.openStorage("identity_test")) {
      assertThat(later.claimBackendId("b-other-proposal")).isEqualTo("b-first");
    }
  }

  @Test
  void racingClaimsOnAFreshBackendAgreeOnOneId() throws Exception {
    List<MongoStorage> storages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      storages.add(mongo.openStorage("identity_race"));
    }
    try {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<String>> claims = new ArrayList<>();
      for (int i = 0; i < storages.size(); i++) {
        MongoStorage storage = storages.get(i);
        String proposal = "b-" + i;
        claims.add(pool.submit(() -> {
          start.await();
          return storage.claimBackendId(proposal);
        }));
      }
      start.countDown();
      Set<String> answers = new java.util.HashSet<>();
      for (java.util.concurrent.Future<String> claim : claims) {
        answers.add(claim.get());
      }
      pool.shutdown();
      assertThat(answers).hasSize(1);
    } finally {
      storages.forEach(MongoStorage::close);
    }
  }
}
