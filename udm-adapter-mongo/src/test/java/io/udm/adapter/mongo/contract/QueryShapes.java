package io.udm.adapter.mongo.contract;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Hears every command the adapters send and keeps one example statement of each query shape (the
 * command, collection, filter and sort with their values replaced by types), ready to be explained.
 * An update or delete command is split into its statements: explain takes one at a time.
 */
final class QueryShapes implements CommandListener {
  /** Commands a server answers with a query plan; inserts and index commands have none. */
  private static final Set<String> PLANNED = Set.of("find", "aggregate", "count", "distinct", "update", "delete",
      "findAndModify");
  /** What a sent command carries for the session, transaction or wire, not the query; explain refuses some of it. */
  private static final Set<String> NOT_THE_QUERY = Set.of("lsid", "txnNumber", "startTransaction", "autocommit",
      "$clusterTime", "$db", "$readPreference", "readConcern", "writeConcern", "ordered", "maxTimeMS",
      "bypassDocumentValidation");
  private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
  /** The random part of a collection name a test made up (one queue per test): one shape for all of them. */
  private static final String RANDOM_SUFFIX = "_[0-9a-f]{16}$";
  /** Operators whose operand is a list of values, not of conditions. */
  private static final Set<String> VALUE_LISTS = Set.of("$in", "$nin", "$all");

  /** One statement to explain, and its shape. */
  record Statement(String database, String collection, String shape, BsonDocument command) {}

  private final Map<String, Statement> examples = new TreeMap<>();

  @Override
  public void commandStarted(CommandStartedEvent event) {
    String name = event.getCommandName();
    if (!PLANNED.contains(name)) {
      return;
    }
    // A mutable copy: the event's document may be read-only, and is only valid during the call.
    BsonDocument command = BsonDocument.parse(event.getCommand().toJson(EXTENDED));
    NOT_THE_QUERY.forEach(command::remove);
    for (BsonDocument statement : statements(name, command)) {
      String collection = statement.getString(name).getValue();
      String shape = name + " " + collection.replaceAll(RANDOM_SUFFIX, "_*") + " " + shapeOf(name, statement).toJson();
      synchronized (examples) {
        examples.putIfAbsent(shape, new Statement(event.getDatabaseName(), collection, shape, statement));
      }
    }
  }

  /** One example of each shape heard so far, in shape order. */
  List<Statement> examples() {
    synchronized (examples) {
      return List.copyOf(examples.values());
    }
  }

  private static List<BsonDocument> statements(String name, BsonDocument command) {
    String listField = name.equals("update") ? "updates" : name.equals("delete") ? "deletes" : null;
    if (listField == null || !command.containsKey(listField)) {
      return List.of(command);
    }
    List<BsonDocument> out = new ArrayList<>();
    for (BsonValue one : command.getArray(listField)) {
      BsonDocument single = command.clone();
      single.put(listField, new BsonArray(List.of(one)));
      out.add(single);
    }
    return out;
  }

  /** The parts of a statement that decide its plan, values replaced by their types. */
  private static BsonDocument shapeOf(String name, BsonDocument statement) {
    BsonDocument planned = new BsonDocument();
    switch (name) {
      case "update", "delete" -> {
        BsonDocument only = statement.getArray(name.equals("update") ? "updates" : "deletes").get(0).asDocument();
        copy(only, planned, "q", "hint");
      }
      case "aggregate" -> copy(statement, planned, "pipeline");
      case "findAndModify" -> copy(statement, planned, "query", "sort", "hint");
      case "count", "distinct" -> copy(statement, planned, "query", "key", "hint");
      default -> copy(statement, planned, "filter", "sort", "hint");
    }
    return typesOf(planned).asDocument();
  }

  private static void copy(BsonDocument from, BsonDocument to, String... fields) {
    for (String field : fields) {
      if (from.containsKey(field)) {
        to.put(field, from.get(field));
      }
    }
  }

  private static BsonValue typesOf(BsonValue value) {
    if (value.isDocument()) {
      BsonDocument out = new BsonDocument();
      value.asDocument().forEach((key, inner) -> out.put(key, VALUE_LISTS.contains(key)
          ? new BsonString("[" + (inner.isArray() && !inner.asArray().isEmpty()
              ? inner.asArray().get(0).getBsonType() : "") + "]")
          : typesOf(inner)));
      return out;
    }
    if (value.isArray()) {
      BsonArray out = new BsonArray();
      value.asArray().forEach(inner -> out.add(typesOf(inner)));
      return out;
    }
    return new BsonString(value.getBsonType().name());
  }
}
