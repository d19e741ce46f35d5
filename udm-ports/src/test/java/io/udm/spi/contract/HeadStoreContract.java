package io.udm.spi.contract;

import static io.udm.spi.contract.SameRecords.assertSameHead;
import static io.udm.spi.contract.TestRecords.head;
import static io.udm.spi.contract.TestRecords.meta;
import static io.udm.spi.contract.TestRecords.newCollection;
import static io.udm.spi.contract.TestRecords.newKey;
import static io.udm.spi.contract.TestRecords.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.MetaQuery;
import io.udm.api.RouteContext;
import io.udm.api.json.JsonValues;
import io.udm.spi.DevShadow;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadStore;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import io.udm.spi.ListPosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link HeadStore} must do. Each test works in a collection of its own, so a shared
 * server is fine.
 */
public abstract class HeadStoreContract {
  private static final int THREADS = 8;

  /** A store; it may be shared with other tests. */
  protected abstract HeadStore newStore();

  private HeadStore store;
  private RouteContext collection;

  @BeforeEach
  void createStoreAndCollection() {
    store = newStore();
    collection = newCollection();
  }

  // ------------------------------------------------------------------ find, insert, compare-and-set

  @Test
  void anItemWithoutAHeadIsNotFound() {
    assertThat(store.find(newKey(collection))).isEmpty();
  }

  @Test
  void anInsertedHeadIsFoundAsWritten() {
    HeadRecord head = version(newKey(collection), 1).meta("{'status':'active','n':{'deep':[1,2.5,'x']}}").head();

    assertThat(store.insert(head)).isEqualTo(HeadWrite.APPLIED);

    assertSameHead(store.find(head.key()), head);
  }

  @Test
  void aHeadCarriesItsVersionsInlinePayloadThroughInsertMoveAndQuery() {
    ItemKey key = newKey(collection);
    String first = "{\"name\":\"Zoë\",\"n\":1.50}";
    String second = "{\"name\":\"Ada\"}";
    store.insert(version(key, 1).inline(first).head());
    assertThat(store.find(key).orElseThrow().inlinePayload()).contains(first);

    store.compareAndSet(1, version(key, 2).inline(second).head());
    assertThat(store.find(key).orElseThrow().inlinePayload()).contains(second);
    assertThat(store.query(HeadQuery.all(collection, 10))).filteredOn(h -> h.key().equals(key))
        .extracting(HeadRecord::inlinePayload).containsExactly(Optional.of(second));

    store.compareAndSet(2, version(key, 3).head());
    assertThat(store.find(key).orElseThrow().payloadInline()).as("a version whose payload is in object storage")
        .isFalse();
  }

  @Test
  void insertingASecondHeadForAnItemConflictsWithTheCurrentOv() {
    ItemKey key = newKey(collection);
    HeadRecord first = head(key, 3);
    store.insert(first);

    HeadWrite second = store.insert(head(key, 1));

    assertThat(second).isEqualTo(new HeadWrite.Conflict(3));
    assertSameHead(store.find(key), first);
  }

  @Test
  void aCompareAndSetAtTheExpectedOvReplacesTheHead() {
    ItemKey key = newKey(collection);
    store.insert(head(key, 1));
    HeadRecord next = version(key, 2).meta("{'status':'done'}").head();

    assertThat(store.compareAndSet(1, next)).isEqualTo(HeadWrite.APPLIED);

    assertSameHead(store.find(key), next);
  }

  @Test
  void aStaleVersionIsRejected() {
    ItemKey key = newKey(collection);
    store.insert(head(key, 1));
    HeadRecord current = head(key, 2);
    store.compareAndSet(1, current);

    HeadWrite stale = store.compareAndSet(1, head(key, 2));

    assertThat(stale).isEqualTo(new HeadWrite.Conflict(2));
    assertThat(stale.applied()).isFalse();
    assertSameHead(store.find(key), current);
  }

  @Test
  void aCompareAndSetOnAMissingHeadConflictsWithOvZero() {
    ItemKey key = newKey(collection);

    assertThat(store.compareAndSet(1, head(key, 2))).isEqualTo(new HeadWrite.Conflict(0));

    assertThat(store.find(key)).isEmpty();
  }

  @Test
  void aConcurrentCreateConflicts() {
    ItemKey key = newKey(collection);
    List<HeadRecord> candidates = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      candidates.add(version(key, 1).meta("{'writer':" + i + "}").head());
    }

    List<HeadWrite> outcomes = Race.run(THREADS, thread -> store.insert(candidates.get(thread)));

    assertThat(outcomes).filteredOn(HeadWrite::applied).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> !outcome.applied()).containsOnly(new HeadWrite.Conflict(1));
    HeadRecord winner = candidates.get(outcomes.indexOf(HeadWrite.APPLIED));
    assertSameHead(store.find(key), winner);
  }

  @Test
  void concurrentCompareAndSetsFromOneOvLetExactlyOneWin() {
    ItemKey key = newKey(collection);
    store.insert(head(key, 1));

    List<HeadWrite> outcomes = Race.run(THREADS, thread -> store.compareAndSet(1, head(key, 2)));

    assertThat(outcomes).filteredOn(HeadWrite::applied).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> !outcome.applied()).containsOnly(new HeadWrite.Conflict(2));
    assertThat(store.find(key)).map(HeadRecord::ov).contains(2L);
  }

  @Test
  void deletingAHeadRemovesItAndReportsWhetherOneExisted() {
    ItemKey key = newKey(collection);
    store.insert(head(key, 1));

    assertThat(store.delete(key)).isTrue();
    assertThat(store.delete(key)).isFalse();
    assertThat(store.find(key)).isEmpty();
  }

  @Test
  void anItemCanBeCreatedAgainAfterItsHeadWasDeleted() {
    ItemKey key = newKey(collection);
    store.insert(head(key, 5));
    store.delete(key);
    HeadRecord again = head(key, 1);

    assertThat(store.insert(again)).isEqualTo(HeadWrite.APPLIED);
    assertSameHead(store.find(key), again);
  }

  @Test
  void aHeadKeepsItsDevShadowUntilACompareAndSetDropsIt() {
    ItemKey key = newKey(collection);
    DevShadow shadow =
        new DevShadow(meta("{'name':'Ada','nested':{'list':[1,2]}}"), TestRecords.T0.plusSeconds(3600), 42);
    HeadRecord shadowed = head(key, 1).withShadow(Optional.of(shadow));
    store.insert(shadowed);

    assertSameHead(store.find(key), shadowed);
    assertThat(store.find(key).flatMap(HeadRecord::shadow)).map(DevShadow::expiresAt).contains(shadow.expiresAt());

    store.compareAndSet(1, head(key, 2));
    assertThat(store.find(key).flatMap(HeadRecord::shadow)).isEmpty();
  }

  @Test
  void mutatingAReturnedMetaDoesNotChangeTheStoredHead() {
    ItemKey key = newKey(collection);
    store.insert(head(key, 1, meta("{'status':'active'}")));

    ObjectNode returned = store.find(key).orElseThrow().meta();
    returned.put("status", "hacked");
    store.query(HeadQuery.all(collection, 10)).get(0).meta().put("status", "hacked");

    assertThat(store.find(key).orElseThrow().meta().get("status").textValue()).isEqualTo("active");
  }

  @Test
  void headsOfAnotherCollectionAreInvisible() {
    ItemKey key = newKey(collection);
    store.insert(head(key, 1));
    RouteContext other = newCollection();

    assertThat(store.find(ItemKey.of(other, key.objectId()))).isEmpty();
    assertThat(store.query(HeadQuery.all(other, 10))).isEmpty();
    assertThat(store.delete(ItemKey.of(other, key.objectId()))).isFalse();
    assertThat(store.find(key)).isPresent();
  }

  // ------------------------------------------------------------------ query: filters

  /** Five items whose meta exercises every operator: types, null, missing, arrays, nesting. */
  private void insertFilterFixture() {
    insert("a", "{'status':'active','age':30,'tags':['x','y'],'address':{'city':'Oslo'}}");
    insert("b", "{'status':'inactive','age':40,'tags':['y']}");
    insert("c", "{'status':'active','age':'forty'}");
    insert("d", "{'status':null,'age':25.5}");
    insert("e", "{}");
  }

  @ParameterizedTest(name = "{0} matches [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "{'status':'active'}                                  | a c",
      "{'status':{'$eq':'active'}}                          | a c",
      "{'status':null}                                      | d e",
      "{'status':{'$ne':'active'}}                          | b d e",
      "{'status':{'$ne':null}}                              | a b c",
      "{'age':30.0}                                         | a",
      "{'age':{'$gt':30}}                                   | b",
      "{'age':{'$gte':30}}                                  | a b",
      "{'age':{'$lt':30}}                                   | d",
      "{'age':{'$lte':30}}                                  | a d",
      "{'age':{'$gt':'a'}}                                  | c",
      "{'age':{'$gte':25.5,'$lt':40}}                       | a d",
      "{'status':{'$in':['inactive',null]}}                 | b d e",
      "{'status':{'$nin':['active']}}                       | b d e",
      "{'age':{'$exists':true}}                             | a b c d",
      "{'age':{'$exists':false}}                            | e",
      "{'tags':'y'}                                         | a b",
      "{'tags':['y']}                                       | b",
      "{'tags':{'$in':['x']}}                               | a",
      "{'address.city':'Oslo'}                              | a",
      "{'address.city':{'$exists':false}}                   | b c d e",
      "{'$and':[{'status':'active'},{'age':{'$gte':30}}]}   | a",
      "{'$or':[{'age':40},{'status':null}]}                 | b d e",
      "{'$or':[{'age':{'$lt':26}},{'$and':[{'status':'active'},{'tags':{'$exists':true}}]}]} | a d",
      "{}                                                   | a b c d e",
  })
  void aQueryFilterMatchesLikeMongoDb(String filter, String expectedIds) {
    insertFilterFixture();

    List<String> ids = ids(store.query(query(filter, Optional.empty(), true, Optional.empty(), 100, false)));

    assertThat(ids).containsExactly(expectedIds.trim().split("\\s+"));
  }

  /**
   * MongoDB compares embedded documents field by field in order; UDM stores meta with sorted keys
   * and MetaQuery sorts an operand's keys, so an object filter matches whatever order it was written in.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'address':{'zip':'1','city':'X'}}",
      "{'address':{'city':'X','zip':'1'}}",
      "{'address':{'$in':[{'zip':'1','city':'X'}]}}",
      "{'address':{'$eq':{'city':'X','zip':'1'}}}",
  })
  void anObjectFilterMatchesStoredMetaWhateverTheKeyOrderOfTheOperand(String filter) {
    insert("sorted", "{'address':{'city':'X','zip':'1'}}");
    insert("other", "{'address':{'city':'Y','zip':'1'}}");

    assertThat(ids(store.query(query(filter, Optional.empty(), true, Optional.empty(), 10, false))))
        .containsExactly("sorted");
  }

  @Test
  void deletedHeadsAreListedOnlyWhenAskedFor() {
    insert("a", "{'status':'active'}");
    store.insert(version(ItemKey.of(collection, "b"), 2).meta("{'status':'active'}").deleted().head());

    assertThat(ids(store.query(query("{'status':'active'}", Optional.empty(), true, Optional.empty(), 10, false))))
        .containsExactly("a");
    assertThat(ids(store.query(query("{'status':'active'}", Optional.empty(), true, Optional.empty(), 10, true))))
        .containsExactly("a", "b");
  }

  @Test
  void aQueryReturnsAtMostItsLimit() {
    for (String id : List.of("a", "b", "c", "d")) {
      insert(id, "{}");
    }

    assertThat(ids(store.query(HeadQuery.all(collection, 3)))).containsExactly("a", "b", "c");
  }

  // ------------------------------------------------------------------ query: order and keyset paging

  /** Every kind of sort value, with ties on missing/null, in the ascending order MongoDB gives. */
  private static final List<String> MIXED_ASCENDING = List.of("m1", "m2", "n1", "p", "r", "q", "s", "t", "u", "v", "w");

  private void insertMixedSortFixture() {
    insert("w", "{'rank':true}");
    insert("q", "{'rank':10}");
    insert("m2", "{}");
    insert("s", "{'rank':'10'}");
    insert("n1", "{'rank':null}");
    insert("u", "{'rank':{'x':1}}");
    insert("p", "{'rank':2}");
    insert("v", "{'rank':false}");
    insert("t", "{'rank':'b'}");
    insert("r", "{'rank':2.5}");
    insert("m1", "{'other':1}");
  }

  @Test
  void sortingAscendingPutsMissingAndNullFirstThenNumbersStringsObjectsBooleans() {
    insertMixedSortFixture();

    List<String> ids = ids(store.query(query("{}", Optional.of("rank"), true, Optional.empty(), 100, true)));

    assertThat(ids).containsExactlyElementsOf(MIXED_ASCENDING);
  }

  @Test
  void sortingDescendingReversesBothTheValueAndTheObjectIdOrder() {
    insertMixedSortFixture();

    List<String> ids = ids(store.query(query("{}", Optional.of("rank"), false, Optional.empty(), 100, true)));

    List<String> expected = new ArrayList<>(MIXED_ASCENDING);
    Collections.reverse(expected);
    assertThat(ids).containsExactlyElementsOf(expected);
  }

  @Test
  void sortingByANestedPathUsesTheNestedValue() {
    insert("a", "{'profile':{'score':3}}");
    insert("b", "{'profile':{'score':1}}");
    insert("c", "{'profile':{}}");

    assertThat(ids(store.query(query("{}", Optional.of("profile.score"), true, Optional.empty(), 10, true))))
        .containsExactly("c", "b", "a");
  }

  @ParameterizedTest(name = "ascending = {0}")
  @ValueSource(booleans = {true, false})
  void keysetPagingByAMixedSortFieldReturnsEveryMatchingItemExactlyOnce(boolean ascending) {
    // Six kinds of value (missing, null, number, string, boolean, decimal), each shared by several
    // items, so pages must break inside runs of equal values, where only the object id decides.
    List<String> matching = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String id = String.format("item%02d", i);
      String rank = switch (i % 6) {
        case 0 -> "";
        case 1 -> "'rank':null,";
        case 2 -> "'rank':" + (i % 3) + ",";
        case 3 -> "'rank':'s" + (i % 2) + "',";
        case 4 -> "'rank':" + (i % 4 == 0) + ",";
        default -> "'rank':1.5,";
      };
      boolean keep = i % 5 != 0;
      insert(id, "{" + rank + "'kind':'" + (keep ? "keep" : "skip") + "'}");
      if (keep) {
        matching.add(id);
      }
    }
    store.insert(version(ItemKey.of(collection, "item99"), 2).meta("{'rank':1,'kind':'keep'}").deleted().head());

    List<HeadRecord> whole =
        store.query(query("{'kind':'keep'}", Optional.of("rank"), ascending, Optional.empty(), 100, false));
    List<HeadRecord> paged = pageThrough("{'kind':'keep'}", Optional.of("rank"), ascending, 4);

    assertThat(ids(whole)).containsExactlyInAnyOrderElementsOf(matching);
    assertInSortOrder(whole, "rank", ascending);
    assertThat(ids(paged)).containsExactlyElementsOf(ids(whole));
  }

  /**
   * Sort values MongoDB's own sort would misplace (it takes an array by its smallest or largest
   * element, and $gt on an array matches elements): arrays and objects with ties, nesting, empty
   * ones, and scalars around them.
   */
  private static final List<String> ARRAY_AND_OBJECT_RANKS = List.of(
      "[1,2]", "[]", "[3]", "[1,'z']", "[[0]]", "[null]", "['b']", "[10]", "[9,0]", "[{'x':1}]", "{'x':1}",
      "{'x':10}", "{'x':9}", "{}", "{'a':{'b':1}}", "{'a':[2,1]}", "2", "'s'", "true", "null");

  @ParameterizedTest(name = "by {0}, ascending {1}, pages of {2}")
  @CsvSource({"rank, true, 3", "rank, false, 4", "p.rank, true, 1", "p.rank, false, 5"})
  void keysetPagingByArraysAndObjectsReturnsEveryMatchingItemExactlyOnceInOrder(
      String field, boolean ascending, int pageSize) {
    List<String> matching = new ArrayList<>();
    int items = 2 * ARRAY_AND_OBJECT_RANKS.size();
    for (int i = 0; i < items; i++) {
      // Ids not in value order, each value twice, so ties are broken by the object id across pages.
      String id = String.format("item%02d", (i * 7) % items);
      String rank = ARRAY_AND_OBJECT_RANKS.get(i % ARRAY_AND_OBJECT_RANKS.size());
      boolean keep = i % 5 != 0;
      insert(id, "{'rank':" + rank + ",'p':{'rank':" + rank + "},'kind':'" + (keep ? "keep" : "skip") + "'}");
      if (keep) {
        matching.add(id);
      }
    }
    store.insert(version(ItemKey.of(collection, "item99"), 2).meta("{'rank':[1,2],'p':{'rank':[1,2]},'kind':'keep'}")
        .deleted().head());

    List<HeadRecord> whole =
        store.query(query("{'kind':'keep'}", Optional.of(field), ascending, Optional.empty(), 100, false));
    List<HeadRecord> paged = pageThrough("{'kind':'keep'}", Optional.of(field), ascending, pageSize);

    assertThat(ids(whole)).containsExactlyInAnyOrderElementsOf(matching);
    assertInSortOrder(whole, field, ascending);
    assertThat(ids(paged)).containsExactlyElementsOf(ids(whole));
  }

  @Test
  void keysetPagingWithoutASortFieldFollowsTheObjectId() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "id" + i;
      insert(id, "{'n':" + (10 - i) + "}");
      all.add(id);
    }

    assertThat(ids(pageThrough("{}", Optional.empty(), true, 3))).containsExactlyElementsOf(all);
    List<String> descending = new ArrayList<>(all);
    Collections.reverse(descending);
    assertThat(ids(pageThrough("{}", Optional.empty(), false, 3))).containsExactlyElementsOf(descending);
  }

  @Test
  void aPositionAfterTheLastItemGivesAnEmptyPage() {
    insert("a", "{'rank':1}");
    insert("b", "{'rank':2}");
    Optional<ListPosition> afterLast = Optional.of(new ListPosition(JsonValues.NODES.numberNode(2), "b"));

    assertThat(store.query(query("{}", Optional.of("rank"), true, afterLast, 10, true))).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private void insert(String objectId, String singleQuotedMeta) {
    HeadWrite write = store.insert(head(ItemKey.of(collection, objectId), 1, meta(singleQuotedMeta)));
    assertThat(write).isEqualTo(HeadWrite.APPLIED);
  }

  private HeadQuery query(
      String filter, Optional<String> sortField, boolean ascending, Optional<ListPosition> after, int limit,
      boolean includeDeleted) {
    return new HeadQuery(
        collection, MetaQuery.fromJson(filter.replace('\'', '"')), sortField, ascending, after, limit, includeDeleted);
  }

  private List<HeadRecord> pageThrough(String filter, Optional<String> sortField, boolean ascending, int pageSize) {
    List<HeadRecord> all = new ArrayList<>();
    Optional<ListPosition> after = Optional.empty();
    for (int page = 0; page < 100; page++) {
      List<HeadRecord> items = store.query(query(filter, sortField, ascending, after, pageSize, false));
      assertThat(items.size()).as("page size").isLessThanOrEqualTo(pageSize);
      if (items.isEmpty()) {
        return all;
      }
      all.addAll(items);
      HeadRecord last = items.get(items.size() - 1);
      after = Optional.of(new ListPosition(sortValue(last, sortField), last.key().objectId()));
    }
    throw new AssertionError("paging did not end after 100 pages");
  }

  private static JsonNode sortValue(HeadRecord head, Optional<String> sortField) {
    return sortField.flatMap(field -> JsonValues.at(head.meta(), field)).orElse(JsonValues.NODES.nullNode());
  }

  private static void assertInSortOrder(List<HeadRecord> heads, String field, boolean ascending) {
    for (int i = 1; i < heads.size(); i++) {
      HeadRecord before = heads.get(i - 1);
      HeadRecord after = heads.get(i);
      Optional<String> sortField = Optional.of(field);
      int byValue = JsonValues.SORT_ORDER.compare(sortValue(before, sortField), sortValue(after, sortField));
      int cmp = byValue != 0 ? byValue : before.key().objectId().compareTo(after.key().objectId());
      assertThat(ascending ? cmp : -cmp)
          .as("%s sorts before %s", before.key().objectId(), after.key().objectId())
          .isLessThan(0);
    }
  }

  private static List<String> ids(List<HeadRecord> heads) {
    return heads.stream().map(head -> head.key().objectId()).toList();
  }
}
