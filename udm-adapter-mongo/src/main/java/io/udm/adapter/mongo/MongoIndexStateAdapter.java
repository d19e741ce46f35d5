package io.udm.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.udm.api.RouteContext;
import io.udm.spi.IndexStates;
import io.udm.spi.Placement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * The {@code index_states} collection of the counters MongoDB: {@code _id} = {@code
 * tenant/db/collection}, {@code complete} = the indexed properties every head of the collection
 * carries. Every request names the {@code _id}.
 */
public final class MongoIndexStateAdapter implements IndexStates {
  static final String COLLECTION = "index_states";
  private static final String ID = "_id";
  private static final String COMPLETE = "complete";

  private final MongoCollection<BsonDocument> states;
  private final MongoErrors errors;

  MongoIndexStateAdapter(MongoCollection<BsonDocument> states, MongoErrors errors) {
    this.states = states;
    this.errors = errors;
  }

  @Override
  public Optional<Set<String>> complete(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    return errors.call("read the index state of " + collection,
        () -> Optional.ofNullable(states.find(byId(collection)).first()).map(MongoIndexStateAdapter::props));
  }

  @Override
  public Set<String> initialize(RouteContext collection, Set<String> props) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(props, "props");
    BsonDocument doc = new BsonDocument(ID, new BsonString(Placement.orderKey(collection)))
        .append(COMPLETE, array(props));
    return errors.call("record the index state of " + collection, () -> {
      try {
        states.insertOne(doc);
        return Set.copyOf(props);
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        BsonDocument stored = states.find(byId(collection)).first();
        return stored == null ? Set.copyOf(props) : props(stored);
      }
    });
  }

  @Override
  public void markComplete(RouteContext collection, String prop) {
    Objects.requireNonNull(prop, "prop");
    errors.run("mark " + prop + " indexed in " + collection, () -> states.updateOne(byId(collection),
        Updates.addToSet(COMPLETE, prop), new UpdateOptions().upsert(true)));
  }

  @Override
  public void markIncomplete(RouteContext collection, Set<String> props) {
    Objects.requireNonNull(props, "props");
    if (props.isEmpty()) {
      return;
    }
    errors.run("mark " + props + " not indexed in " + collection, () -> states.updateOne(byId(collection),
        Updates.pullAll(COMPLETE, List.copyOf(props))));
  }

  private static Bson byId(RouteContext collection) {
    return Filters.eq(ID, Placement.orderKey(collection));
  }

  private static Set<String> props(BsonDocument doc) {
    Set<String> out = new TreeSet<>();
    for (BsonValue v : doc.getArray(COMPLETE, new BsonArray())) {
      out.add(v.asString().getValue());
    }
    return Set.copyOf(out);
  }

  private static BsonArray array(Set<String> props) {
    BsonArray out = new BsonArray();
    new TreeSet<>(props).forEach(p -> out.add(new BsonString(p)));
    return out;
  }
}
