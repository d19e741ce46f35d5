package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.T0;
import static io.udm.adapter.mongo.Records.json;
import static io.udm.adapter.mongo.Records.newCollection;
import static io.udm.adapter.mongo.Records.newKey;
import static io.udm.adapter.mongo.Records.unique;
import static io.udm.adapter.mongo.Records.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.udm.api.RouteContext;
import io.udm.spi.AppendResult;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the {@code VersionLogContract} ({@code contract.MongoContracts}) does not show about the
 * Mongo version log: an exact BSON round trip of every field (content references with sizes beyond
 * an int and URIs, optional fields), the edge cases of a batch delete, and a store of an earlier
 * release taking the unique cv index.
 */
class MongoVersionLogAdapterTest {
  private static InJvmMongo mongo;
  private static MongoStorage storage;
  private static VersionLog log;

  private final RouteContext collection = newCollection();
  private final ItemKey key = newKey(collection);

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
    storage = mongo.openStorage("versions_test");
    log = storage.versions();
  }

  @AfterAll
  static void stop() {
    storage.close();
    mongo.close();
  }

  @Test
  void anAppendedVersionIsReadBackExactly() {
    VersionRecord first = version(key, 1, json("{'s':'new','n':[1,{'a':true}]}"), Optional.of("r" + unique()), T0, false);

    assertThat(log.append(first)).isEqualTo(AppendResult.APPENDED);

    assertThat(log.find(key, 1)).contains(first);
    assertThat(log.latest(key)).contains(first);
    assertThat(log.findByRequestId(collection, first.requestId().orElseThrow())).contains(first);
  }

  @Test
  void aDeleteCountsARepeatedOvOnceAndNoOvsAsZero() {
    log.append(version(key, 1));
    log.append(version(key, 2));

    assertThat(log.delete(key, List.of(1L, 1L))).isEqualTo(1);
    assertThat(log.delete(key, List.of())).isZero();
    assertThat(log.history(key)).extracting(VersionRecord::ov).containsExactly(2L);
  }

  /**
   * Marking a version's work done filters on exactly {_id, writeId}; mongo-java-server serves such a
   * filter only from a unique index on exactly those fields, and without one scanned every version
   * on every write (the profile of issue 15: 43 ms per write at 30,000 versions).
   */
  @Test
  void theDoneMarkIsServedByAUniqueIndexOnExactlyItsFilter() {
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      List<Document> indexes = client.getDatabase("versions_test").getCollection("versions").listIndexes()
          .into(new java.util.ArrayList<>());

      assertThat(indexes).anySatisfy(index -> {
        assertThat(index.get("key", Document.class)).isEqualTo(new Document("_id", 1).append("writeId", 1));
        assertThat(index.getBoolean("unique")).isTrue();
      });
    }
  }

  /** Stores made before burned cvs had a non-unique index on the same keys; opening replaces it. */
  @Test
  void openingAStoreOfAnEarlierReleaseMakesItsCvIndexUnique() {
    String database = "versions_legacy_" + unique();
    try (MongoClient client = MongoClients.create(mongo.uri())) {
      client.getDatabase(database).getCollection(MongoVersionLogAdapter.COLLECTION).createIndex(
          new Document("tenant", 1).append("db", 1).append("collection", 1).append("cv", 1),
          new com.mongodb.client.model.IndexOptions().name("collection_cv"));
    }
    try (MongoStorage upgraded = mongo.openStorage(database)) {
      VersionRecord late = version(newKey(newCollection()), 1);
      upgraded.versions().burn(late.key().collection(), List.of(late.cv()), T0);

      assertThat(upgraded.versions().append(late)).isEqualTo(AppendResult.CV_BURNED);
      try (MongoClient client = MongoClients.create(mongo.uri())) {
        List<Document> indexes = client.getDatabase(database).getCollection(MongoVersionLogAdapter.COLLECTION)
            .listIndexes().into(new java.util.ArrayList<>());
        assertThat(indexes).extracting(i -> i.getString("name")).contains("collection_cv_unique")
            .doesNotContain("collection_cv");
      }
    }
  }
}
