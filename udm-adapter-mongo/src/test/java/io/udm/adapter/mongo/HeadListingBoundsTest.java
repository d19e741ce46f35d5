package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.head;
import static io.udm.adapter.mongo.Records.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import io.udm.api.MetaQuery;
import io.udm.api.RouteContext;
import io.udm.api.json.JsonValues;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.ListPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A listing sorted by a property holding arrays or objects reads from the server no more heads than
 * its page, counted in the server's replies; and heads written before sort keys existed still list
 * in their place.
 */
class HeadListingBoundsTest {
  private static final String DATABASE = "listing_bounds";
  private static final int HEADS = 120;
  private static final int LIMIT = 5;

  private static InJvmMongo mongo;
  private static MongoStorage storage;
  private static MongoClient client;
  private static MongoCollection<BsonDocument> rawHeads;
  /** Heads in the replies to find and getMore on the heads collection. */
  private static final AtomicInteger headsRead = new AtomicInteger();

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
    storage = mongo.openStorage(DATABASE);
    CommandListener countHeads = new CommandListener() {
      @Override
      public void commandSucceeded(CommandSucceededEvent event) {
        BsonDocument cursor = event.getResponse().getDocument("cursor", null);
        if (cursor != null && cursor.getString("ns").getValue().endsWith("." + MongoHeadAdapter.COLLECTION)) {
          String batch = cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch";
          headsRead.addAndGet(cursor.getArray(batch).size());
        }
      }
    };
    client = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(mongo.uri())).addCommandListener(countHeads).build());
    rawHeads = client.getDatabase(DATABASE).getCollection(MongoHeadAdapter.COLLECTION, BsonDocument.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    storage.close();
    mongo.close();
  }

  @Test
  void eachPageSortedByArraysAndObjectsReadsAtMostItsLimitOfHeads() {
    RouteContext collection = Records.newCollection();
    List<HeadRecord> written = new ArrayList<>();
    for (int i = 0; i < HEADS; i++) {
      // Arrays and objects, many sharing a value: the brackets are far larger than a page.
      String rank = i % 2 == 0 ? "[" + (i % 7) + ",'x']" : "{'n':" + (i % 5) + "}";
      HeadRecord head = head(ItemKey.of(collection, String.format("h%03d", (i * 37) % HEADS)), 1, json("{'rank':" + rank + "}"));
      storage.heads().insert(head);
      written.add(head);
    }
    HeadListing listing = new HeadListing(rawHeads);

    List<String> seen = new ArrayList<>();
    Optional<ListPosition> after = Optional.empty();
    for (int page = 0; page <= HEADS / LIMIT; page++) {
      headsRead.set(0);
      List<HeadRecord> heads = listing.page(
          new HeadQuery(collection, MetaQuery.all(), Optional.of("rank"), true, after, LIMIT, true));
      assertThat(headsRead.get()).as("heads read for page %d", page).isLessThanOrEqualTo(LIMIT);
      heads.forEach(head -> seen.add(head.key().objectId()));
      if (heads.isEmpty()) {
        break;
      }
      HeadRecord last = heads.get(heads.size() - 1);
      after = Optional.of(new ListPosition(rank(last), last.key().objectId()));
    }

    assertThat(seen).containsExactlyElementsOf(inSortOrder(written));
  }

  @Test
  void headsWrittenBeforeSortKeysExistedListInTheirPlaceAndGetTheirKeys() {
    RouteContext collection = Records.newCollection();
    List<HeadRecord> written = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      HeadRecord head = head(ItemKey.of(collection, "h" + i), 1, json("{'rank':[" + (i % 4) + "]}"));
      BsonDocument doc = HeadDocuments.toDocument(head);
      if (i % 3 == 0) {
        // As an earlier release wrote it.
        doc.remove(SortKeys.FIELD);
        doc.remove(SortKeys.FORMAT);
      }
      rawHeads.insertOne(doc);
      written.add(head);
    }
    List<String> expected = inSortOrder(written);

    List<HeadRecord> listed = storage.heads().query(
        new HeadQuery(collection, MetaQuery.all(), Optional.of("rank"), true, Optional.empty(), 100, true));

    assertThat(listed).extracting(head -> head.key().objectId()).containsExactlyElementsOf(expected);
    assertThat(rawHeads.countDocuments(Filters.and(
        Filters.regex(HeadDocuments.ID, "^" + java.util.regex.Pattern.quote(Keys.itemPrefix(collection))),
        Filters.exists(SortKeys.FORMAT, false)))).isZero();
  }

  private static JsonNode rank(HeadRecord head) {
    return JsonValues.at(head.meta(), "rank").orElse(JsonValues.NODES.nullNode());
  }

  private static List<String> inSortOrder(List<HeadRecord> heads) {
    return heads.stream()
        .sorted(Comparator.comparing(HeadListingBoundsTest::rank, JsonValues.SORT_ORDER)
            .thenComparing(head -> head.key().objectId()))
        .map(head -> head.key().objectId())
        .toList();
  }
}
