package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.MongoHeadAdapterTest.objectIds;
import static io.udm.adapter.mongo.Records.head;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.MetaQuery;
import io.udm.api.RouteContext;
import io.udm.api.json.JsonValues;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadStore;
import io.udm.spi.ItemKey;
import io.udm.spi.ListPosition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listings follow {@link JsonValues#SORT_ORDER}, and keyset paging visits each item once, whatever the types. */
class HeadListingTest {
  /** Sort values of every bracket, with ties, number kinds, and values MongoDB's own sort would misplace. */
  private static final List<String> RANKS = List.of(
      "null", "MISSING", "0", "1", "1.0", "-2.5", "9000000000", "10", "'10'", "'b'", "'B'", "''", "'é'",
      "true", "false", "{}", "{'x':1}", "{'x':10}", "{'x':9}", "{'a':{'b':1}}", "[]", "[3]", "[1,'z']", "[[0]]",
      "[null]", "'b'", "2", "null", "MISSING", "false");

  private static InJvmMongo mongo;
  private static MongoStorage storage;
  private static HeadStore heads;
  private static RouteContext collection;
  private static final Map<String, ObjectNode> metaById = new LinkedHashMap<>();

  @BeforeAll
  static void insertFixture() {
    mongo = InJvmMongo.start();
    storage = mongo.openStorage("listing_test");
    heads = storage.heads();
    collection = Records.newCollection();
    for (int i = 0; i < RANKS.size(); i++) {
      String rank = RANKS.get(i);
      // Ids are not in value order, so the object id tie-break is visible.
      String id = String.format("i%02d", (i * 7) % RANKS.size());
      ObjectNode meta = rank.equals("MISSING")
          ? Records.json("{'kind':'" + (i % 3 == 0 ? "skip" : "keep") + "'}")
          : Records.json("{'rank':" + rank + ",'kind':'" + (i % 3 == 0 ? "skip" : "keep") + "','p':{'rank':" + rank + "}}");
      metaById.put(id, meta);
      heads.insert(head(ItemKey.of(collection, id), 1, meta));
    }
    ObjectNode decimal = Records.json("{'kind':'keep'}").put("rank", new BigDecimal("1.50"));
    metaById.put("z-decimal", decimal);
    heads.insert(head(ItemKey.of(collection, "z-decimal"), 1, decimal));
    heads.insert(Records.deletedHead(ItemKey.of(collection, "z-deleted"), 2, Records.json("{'rank':1,'kind':'keep'}")));
  }

  @AfterAll
  static void stop() {
    storage.close();
    mongo.close();
  }

  @ParameterizedTest(name = "by {0}, ascending {1}, filter {2}")
  @CsvSource({
      "rank,   true,  {}",
      "rank,   false, {}",
      "rank,   true,  {'kind':'keep'}",
      "rank,   false, {'kind':'keep'}",
      "p.rank, true,  {}",
      "p.rank, false, {'kind':'keep'}",
  })
  void aWholeListingIsInSortOrder(String field, boolean ascending, String filter) {
    MetaQuery query = MetaQuery.fromJson(filter.replace('\'', '"'));

    List<HeadRecord> listed = heads.query(new HeadQuery(
        collection, query, Optional.of(field), ascending, Optional.empty(), 1000, false));

    assertThat(objectIds(listed)).containsExactlyElementsOf(expectedOrder(field, ascending, query));
  }

  @ParameterizedTest(name = "by {0}, ascending {1}, pages of {2}")
  @CsvSource({
      "rank,   true,  1",
      "rank,   false, 1",
      "rank,   true,  2",
      "rank,   false, 3",
      "rank,   true,  7",
      "p.rank, true,  4",
      "p.rank, false, 5",
  })
  void keysetPagingVisitsEveryItemOnceInOrder(String field, boolean ascending, int pageSize) {
    MetaQuery query = MetaQuery.fromJson("{\"kind\":\"keep\"}");

    List<String> paged = pageThrough(query, Optional.of(field), ascending, pageSize);

    assertThat(paged).containsExactlyElementsOf(expectedOrder(field, ascending, query));
  }

  @Test
  void withoutASortFieldTheObjectIdOrders() {
    List<String> ids = new ArrayList<>(metaById.keySet());
    ids.sort(Comparator.naturalOrder());

    assertThat(pageThrough(MetaQuery.all(), Optional.empty(), true, 4)).containsExactlyElementsOf(ids);
    List<String> descending = new ArrayList<>(ids);
    Collections.reverse(descending);
    assertThat(pageThrough(MetaQuery.all(), Optional.empty(), false, 4)).containsExactlyElementsOf(descending);
  }

  @Test
  void aPositionInAnyBracketResumesRightAfterIt() {
    List<String> all = expectedOrder("rank", true, MetaQuery.all());
    for (int i = 0; i < all.size(); i++) {
      String id = all.get(i);
      ListPosition position = new ListPosition(sortValue(metaById.get(id), "rank"), id);

      List<HeadRecord> rest = heads.query(new HeadQuery(
          collection, MetaQuery.all(), Optional.of("rank"), true, Optional.of(position), 1000, false));

      assertThat(objectIds(rest)).as("after %s", id).containsExactlyElementsOf(all.subList(i + 1, all.size()));
    }
  }

  @Test
  void aPositionBetweenStoredValuesWorksToo() {
    ListPosition between = new ListPosition(JsonValues.NODES.numberNode(1.2), "zzz");

    List<HeadRecord> rest = heads.query(new HeadQuery(
        collection, MetaQuery.all(), Optional.of("rank"), true, Optional.of(between), 1000, false));

    List<String> all = expectedOrder("rank", true, MetaQuery.all());
    List<String> expected = all.stream()
        .filter(id -> JsonValues.SORT_ORDER.compare(sortValue(metaById.get(id), "rank"), between.sortValue()) > 0)
        .toList();
    assertThat(objectIds(rest)).containsExactlyElementsOf(expected);
  }

  private static List<String> pageThrough(MetaQuery query, Optional<String> field, boolean ascending, int pageSize) {
    List<String> seen = new ArrayList<>();
    Optional<ListPosition> after = Optional.empty();
    for (int page = 0; page < 200; page++) {
      List<HeadRecord> items = heads.query(new HeadQuery(collection, query, field, ascending, after, pageSize, false));
      assertThat(items.size()).isLessThanOrEqualTo(pageSize);
      if (items.isEmpty()) {
        return seen;
      }
      seen.addAll(objectIds(items));
      HeadRecord last = items.get(items.size() - 1);
      JsonNode value = field.map(f -> sortValue(last.meta(), f)).orElse(JsonValues.NODES.nullNode());
      after = Optional.of(new ListPosition(value, last.key().objectId()));
    }
    throw new AssertionError("paging did not end");
  }

  private static List<String> expectedOrder(String field, boolean ascending, MetaQuery query) {
    Comparator<String> order = Comparator.<String, JsonNode>comparing(id -> sortValue(metaById.get(id), field), JsonValues.SORT_ORDER)
        .thenComparing(Comparator.naturalOrder());
    return metaById.entrySet().stream()
        .filter(entry -> query.matches(entry.getValue()))
        .map(Map.Entry::getKey)
        .sorted(ascending ? order : order.reversed())
        .toList();
  }

  private static JsonNode sortValue(ObjectNode meta, String field) {
    return JsonValues.at(meta, field).orElse(JsonValues.NODES.nullNode());
  }
}
