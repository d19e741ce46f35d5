package io.udm.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.udm.api.RouteContext;
import io.udm.spi.MovePhase;
import io.udm.spi.Placement;
import io.udm.spi.PlacementMove;
import io.udm.spi.PlacementRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * The {@code placements} collection: {@code _id} = {@code tenant/db/collection}, {@code backendId},
 * {@code rev} (absent on placements written before moves existed: revision 0) and, during and after
 * a move, {@code move: {from, to, phase, since}}. The first insert wins on the _id; a later claim
 * reads and returns the placement in force; a replace is a compare-and-set on {@code rev}.
 */
public final class MongoPlacementAdapter implements PlacementRegistry {
  static final String COLLECTION = "placements";
  private static final String BACKEND_ID = "backendId";
  private static final String REVISION = "rev";
  private static final String MOVE = "move";
  /** A claim that lost to a placement which then vanished (removed by hand) is retried this often. */
  private static final int ATTEMPTS = 3;

  private final MongoCollection<BsonDocument> placements;
  private final MongoErrors errors;

  MongoPlacementAdapter(MongoCollection<BsonDocument> placements, MongoErrors errors) {
    this.placements = placements;
    this.errors = errors;
  }

  @Override
  public Optional<Placement> placement(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    return errors.call("read the placement of " + collection, () -> placementOf(collection));
  }

  @Override
  public String claim(RouteContext collection, String backendId) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(backendId, "backendId");
    BsonDocument doc = toDocument(Placement.first(collection, backendId));
    return errors.call("record the placement of " + collection, () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          placements.insertOne(doc);
          return backendId;
        } catch (MongoException e) {
          if (!MongoErrors.isDuplicateKey(e)) {
            throw e;
          }
        }
        Optional<Placement> inForce = placementOf(collection);
        if (inForce.isPresent()) {
          return inForce.get().backendId();
        }
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("the placement of " + collection + " keeps appearing and vanishing");
        }
      }
    });
  }

  @Override
  public boolean replace(Placement expected, Placement next) {
    expected.requireSuccessor(next);
    Bson atRevision = expected.revision() == 0
        ? Filters.or(Filters.eq(REVISION, 0L), Filters.exists(REVISION, false))
        : Filters.eq(REVISION, expected.revision());
    return errors.call("move the placement of " + expected.collection(), () -> placements.replaceOne(
        Filters.and(Filters.eq("_id", Placement.orderKey(expected.collection())), atRevision), toDocument(next))
        .getModifiedCount() == 1);
  }

  @Override
  public List<Placement> list(Optional<RouteContext> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a placement listing needs a limit of 1 or more, got " + limit);
    }
    Bson filter = after.map(a -> Filters.gt("_id", Placement.orderKey(a))).orElse(new BsonDocument());
    return errors.call("list placements", () -> {
      List<Placement> page = new ArrayList<>();
      for (BsonDocument doc : placements.find(filter).sort(Sorts.ascending("_id")).limit(limit)) {
        page.add(fromDocument(doc));
      }
      return page;
    });
  }

  private Optional<Placement> placementOf(RouteContext collection) {
    return Optional.ofNullable(placements.find(Filters.eq("_id", Placement.orderKey(collection))).first())
        .map(MongoPlacementAdapter::fromDocument);
  }

  private static BsonDocument toDocument(Placement placement) {
    BsonDocument doc = new BsonDocument("_id", new BsonString(Placement.orderKey(placement.collection())));
    RecordFields.putScope(doc, placement.collection());
    doc.append(BACKEND_ID, new BsonString(placement.backendId()));
    doc.append(REVISION, new BsonInt64(placement.revision()));
    placement.move().ifPresent(move -> doc.append(MOVE, new BsonDocument()
        .append("from", new BsonString(move.fromBackendId()))
        .append("to", new BsonString(move.toBackendId()))
        .append("phase", new BsonString(move.phase().name()))
        .append("since", new BsonDateTime(move.since().toEpochMilli()))));
    return doc;
  }

  private static Placement fromDocument(BsonDocument doc) {
    long revision = doc.containsKey(REVISION) ? RecordFields.longValue(doc, REVISION) : 0;
    Optional<PlacementMove> move = Optional.ofNullable(doc.getDocument(MOVE, null)).map(m -> new PlacementMove(
        m.getString("from").getValue(), m.getString("to").getValue(), MovePhase.valueOf(m.getString("phase").getValue()),
        Instant.ofEpochMilli(m.getDateTime("since").getValue())));
    return new Placement(RecordFields.scope(doc), RecordFields.string(doc, BACKEND_ID), revision, move);
  }
}
