package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.head;
import static io.udm.adapter.mongo.Records.json;
import static io.udm.adapter.mongo.Records.newCollection;
import static io.udm.adapter.mongo.Records.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MongoHeadAdapterTest {
  private static InJvmMongo mongo;
  private static MongoStorage storage;
  private static HeadStore heads;

  private final RouteContext collection = newCollection();

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
    storage = mongo.openStorage("heads_test");
    heads = storage.heads();
  }

  @AfterAll
  static void stop() {
    storage.close();
    mongo.close();
  }

  @Test
  void anInsertedHeadIsReadBackExactly() {
    ObjectNode meta = json("{'status':'active','n':{'deep':[1,2.5,'x',null,true]}}");
    meta.put("long", 9_000_000_000L).put("decimal", new BigDecimal("10.250"));
    HeadRecord head = head(newKey(collection), 1, meta);

    assertThat(heads.insert(head)).isEqualTo(HeadWrite.APPLIED);

    assertThat(heads.find(head.key())).contains(head);
  }

  @Test
  void aDevShadowIsStoredAsADocumentWithItsExpiryAndSize() {
    DevShadow shadow = new DevShadow(json("{'name':'Ada','n':[1,{'a':1.5}]}"), Records.T0.plusSeconds(3600), 42);
    HeadRecord head = head(newKey(collection), 1).withShadow(Optional.of(shadow));
    heads.insert(head);

    HeadRecord back = heads.find(head.key()).orElseThrow();

    assertThat(back).isEqualTo(head);
    assertThat(back.shadow().orElseThrow().document()).isEqualTo(shadow.document());
    assertThat(back.shadow().orElseThrow().expiresAt()).isEqualTo(shadow.expiresAt());
    assertThat(back.shadow().orElseThrow().bytes()).isEqualTo(42);
  }

  @Test
  void aSecondInsertConflictsWithTheCurrentOv() {
    ItemKey key = newKey(collection);
    HeadRecord first = head(key, 3);
    heads.insert(first);

    assertThat(heads.insert(head(key, 1))).isEqualTo(new HeadWrite.Conflict(3));
    assertThat(heads.find(key)).contains(first);
  }

  @Test
  void aCompareAndSetAtTheExpectedOvApplies() {
    ItemKey key = newKey(collection);
    heads.insert(head(key, 1));
    HeadRecord next = head(key, 2, json("{'status':'done'}"));

    assertThat(heads.compareAndSet(1, next)).isEqualTo(HeadWrite.APPLIED);
    assertThat(heads.find(key)).contains(next);
  }

  @Test
  void aStaleCompareAndSetIsRejectedWithTheActualOv() {
    ItemKey key = newKey(collection);
    heads.insert(head(key, 1));
    HeadRecord current = head(key, 2);
    heads.compareAndSet(1, current);

    assertThat(heads.compareAndSet(1, head(key, 2))).isEqualTo(new HeadWrite.Conflict(2));
    assertThat(heads.find(key)).contains(current);
  }

  @Test
  void aCompareAndSetWithoutAHeadConflictsAtZero() {
    ItemKey key = newKey(collection);

    assertThat(heads.compareAndSet(1, head(key, 2))).isEqualTo(new HeadWrite.Conflict(0));
    assertThat(heads.find(key)).isEmpty();
  }

  @Test
  void ofEightThreadsInsertingTheSameHeadExactlyOneApplies() {
    ItemKey key = newKey(collection);
    List<HeadRecord> candidates = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      candidates.add(head(key, 1, json("{'writer':" + i + "}")));
    }

    List<HeadWrite> outcomes = Race.run(8, thread -> heads.insert(candidates.get(thread)));

    assertThat(outcomes).filteredOn(HeadWrite::applied).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> !outcome.applied()).containsOnly(new HeadWrite.Conflict(1));
    assertThat(heads.find(key)).contains(candidates.get(outcomes.indexOf(HeadWrite.APPLIED)));
  }

  @Test
  void ofEightCompareAndSetsFromOneOvExactlyOneApplies() {
    ItemKey key = newKey(collection);
    heads.insert(head(key, 1));

    List<HeadWrite> outcomes = Race.run(8, thread -> heads.compareAndSet(1, head(key, 2, json("{'w':" + thread + "}"))));

    assertThat(outcomes).filteredOn(HeadWrite::applied).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> !outcome.applied()).containsOnly(new HeadWrite.Conflict(2));
  }

  @Test
  void deleteRemovesTheHeadAndTellsWhetherThereWasOne() {
    ItemKey key = newKey(collection);
    heads.insert(head(key, 4));

    assertThat(heads.delete(key)).isTrue();
    assertThat(heads.delete(key)).isFalse();
    assertThat(heads.find(key)).isEmpty();
    assertThat(heads.insert(head(key, 1))).isEqualTo(HeadWrite.APPLIED);
  }

  @Test
  void headsOfACollectionWhoseNameExtendsAnotherStayApart() {
    RouteContext base = RouteContext.of(collection.tenantId(), collection.dbName(), "c");
    RouteContext longer = RouteContext.of(collection.tenantId(), collection.dbName(), "c-x");
    RouteContext dotted = RouteContext.of(collection.tenantId(), collection.dbName(), "c.x");
    heads.insert(head(ItemKey.of(base, "a"), 1));
    heads.insert(head(ItemKey.of(longer, "b"), 1));
    heads.insert(head(ItemKey.of(dotted, "d"), 1));

    assertThat(objectIds(heads.query(HeadQuery.all(base, 10)))).containsExactly("a");
    assertThat(objectIds(heads.query(HeadQuery.all(longer, 10)))).containsExactly("b");
    assertThat(objectIds(heads.query(HeadQuery.all(dotted, 10)))).containsExactly("d");
  }

  @Test
  void deletedHeadsAreListedOnlyWhenAskedFor() {
    heads.insert(head(ItemKey.of(collection, "a"), 1, json("{'s':1}")));
    heads.insert(Records.deletedHead(ItemKey.of(collection, "b"), 2, json("{'s':1}")));
    MetaQuery filter = MetaQuery.fromJson("{\"s\":1}");

    List<HeadRecord> live = heads.query(new HeadQuery(collection, filter, Optional.empty(), true, Optional.empty(), 10, false));
    List<HeadRecord> all = heads.query(new HeadQuery(collection, filter, Optional.empty(), true, Optional.empty(), 10, true));

    assertThat(objectIds(live)).containsExactly("a");
    assertThat(objectIds(all)).containsExactly("a", "b");
  }

  @Test
  void aQueryNeedsAPositiveLimit() {
    assertThatThrownBy(() -> heads.query(HeadQuery.all(collection, 0))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void returnedMetaIsACopy() {
    ItemKey key = newKey(collection);
    heads.insert(head(key, 1, json("{'status':'active'}")));

    heads.find(key).orElseThrow().meta().put("status", "hacked");

    assertThat(heads.find(key).orElseThrow().meta().get("status")).isEqualTo(JsonValues.NODES.textNode("active"));
  }

  static List<String> objectIds(List<HeadRecord> records) {
    return records.stream().map(head -> head.key().objectId()).toList();
  }
}
