package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.head;
import static io.udm.adapter.mongo.Records.json;
import static io.udm.adapter.mongo.Records.newCollection;
import static io.udm.adapter.mongo.Records.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.RouteContext;
import io.udm.spi.DevShadow;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadStore;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the {@code HeadStoreContract} ({@code contract.MongoHeadStoreContractTest}) does not show about
 * the Mongo head store: exact BSON round trips (number kinds, the shadow sub-document), collection
 * scoping by {@code _id} range, and its own argument checks.
 */
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
  void aQueryNeedsAPositiveLimit() {
    assertThatThrownBy(() -> heads.query(HeadQuery.all(collection, 0))).isInstanceOf(IllegalArgumentException.class);
  }

  static List<String> objectIds(List<HeadRecord> records) {
    return records.stream().map(head -> head.key().objectId()).toList();
  }
}
