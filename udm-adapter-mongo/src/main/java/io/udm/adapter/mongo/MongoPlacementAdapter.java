package io.udm.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.udm.api.RouteContext;
import io.udm.spi.PlacementRegistry;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The {@code placements} collection: {@code _id} = {@code tenant/db/collection}, {@code backendId}.
 * The first insert wins on the _id; a later claim reads and returns the placement in force.
 */
public final class MongoPlacementAdapter implements PlacementRegistry {
  static final String COLLECTION = "placements";
  private static final String BACKEND_ID = "backendId";
  /** A claim that lost to a placement which then vanished (removed by hand) is retried this often. */
  private static final int ATTEMPTS = 3;

  private final MongoCollection<BsonDocument> placements;
  private final MongoErrors errors;

  MongoPlacementAdapter(MongoCollection<BsonDocument> placements, MongoErrors errors) {
    this.placements = placements;
    this.errors = errors;
  }

  @Override
  public Optional<String> find(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    return errors.call("read the placement of " + collection, () -> placementOf(collection));
  }

  @Override
  public String claim(RouteContext collection, String backendId) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(backendId, "backendId");
    BsonDocument doc = new BsonDocument("_id", new BsonString(Keys.collection(collection)));
    RecordFields.putScope(doc, collection);
    doc.append(BACKEND_ID, new BsonString(backendId));
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
        Optional<String> inForce = placementOf(collection);
        if (inForce.isPresent()) {
          return inForce.get();
        }
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("the placement of " + collection + " keeps appearing and vanishing");
        }
      }
    });
  }

  private Optional<String> placementOf(RouteContext collection) {
    return Optional.ofNullable(placements.find(Filters.eq("_id", Keys.collection(collection))).first())
        .map(doc -> RecordFields.string(doc, BACKEND_ID));
  }
}
