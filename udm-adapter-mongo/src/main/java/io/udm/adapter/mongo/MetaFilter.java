package io.udm.adapter.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.udm.api.MetaQuery;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * Translates a parsed {@link MetaQuery} into a BSON filter on {@code <prefix><field>} that selects
 * exactly what {@link MetaQuery#matches} accepts. Operands become BSON values, never filter text, so
 * a value can never act as an operator.
 *
 * <p>{@code $ne}, {@code $in} and {@code $nin} are spelled with {@code $eq} ({@code $not}, {@code
 * $or}, {@code $nor}), which is how MongoDB defines them: mongo-java-server's own {@code $ne}/{@code
 * $in}/{@code $nin} disagree with its {@code $eq} on nested arrays and on array operands. Where
 * MongoDB and {@link MetaQuery#matches} part ways, the translation follows the evaluator: {@code
 * $gte}/{@code $lte null} match a missing or null (not an array holding null) value, and {@code
 * $gt}/{@code $lt null} match nothing.
 */
final class MetaFilter {
  /** Matches every document. */
  static final Bson MATCH_ALL = new BsonDocument();
  /** Matches no document: every document has an _id, and none is in an empty list. */
  static final Bson MATCH_NONE = Filters.in("_id", List.of());

  private MetaFilter() {}

  static Bson translate(MetaQuery query, String prefix) {
    return translate(query.root(), prefix);
  }

  private static Bson translate(MetaQuery.Node node, String prefix) {
    if (node instanceof MetaQuery.And and) {
      return and(and.children(), prefix);
    }
    if (node instanceof MetaQuery.Or or) {
      return or(or.children(), prefix);
    }
    return condition((MetaQuery.Condition) node, prefix);
  }

  private static Bson and(List<MetaQuery.Node> children, String prefix) {
    List<Bson> parts = new ArrayList<>();
    for (MetaQuery.Node child : children) {
      Bson part = translate(child, prefix);
      if (part == MATCH_NONE) {
        return MATCH_NONE;
      }
      if (part != MATCH_ALL) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? MATCH_ALL : parts.size() == 1 ? parts.get(0) : Filters.and(parts);
  }

  private static Bson or(List<MetaQuery.Node> children, String prefix) {
    List<Bson> parts = new ArrayList<>();
    for (MetaQuery.Node child : children) {
      Bson part = translate(child, prefix);
      if (part == MATCH_ALL) {
        return MATCH_ALL;
      }
      if (part != MATCH_NONE) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? MATCH_NONE : parts.size() == 1 ? parts.get(0) : Filters.or(parts);
  }

  private static Bson condition(MetaQuery.Condition condition, String prefix) {
    String path = prefix + condition.field();
    JsonNode operand = condition.operand();
    return switch (condition.operator()) {
      case EQ -> eq(path, BsonJson.toBson(operand));
      case NE -> notEq(path, BsonJson.toBson(operand));
      case IN -> operand.isEmpty() ? MATCH_NONE : Filters.or(eachEq(path, operand));
      case NIN -> operand.isEmpty() ? MATCH_ALL : Filters.nor(eachEq(path, operand));
      case EXISTS -> Filters.exists(path, operand.booleanValue());
      case GT -> operand.isNull() ? MATCH_NONE : Filters.gt(path, BsonJson.toBson(operand));
      case GTE -> operand.isNull() ? missingOrNull(path) : Filters.gte(path, BsonJson.toBson(operand));
      case LT -> operand.isNull() ? MATCH_NONE : Filters.lt(path, BsonJson.toBson(operand));
      case LTE -> operand.isNull() ? missingOrNull(path) : Filters.lte(path, BsonJson.toBson(operand));
    };
  }

  /**
   * Equality spelled {@code {path: {$eq: value}}}: the short form {@code {path: value}} would read an
   * object value whose first key starts with {@code $} as operators.
   */
  static Bson eq(String path, BsonValue value) {
    return new BsonDocument(path, new BsonDocument("$eq", value));
  }

  /** Missing or null itself; an array holding null does not count (ranges never compare arrays whole). */
  static Bson missingOrNull(String path) {
    return Filters.and(eq(path, BsonNull.VALUE), notArray(path));
  }

  static Bson notArray(String path) {
    return Filters.not(Filters.type(path, BsonType.ARRAY));
  }

  private static Bson notEq(String path, BsonValue value) {
    return new BsonDocument(path, new BsonDocument("$not", new BsonDocument("$eq", value)));
  }

  private static List<Bson> eachEq(String path, JsonNode operands) {
    List<Bson> out = new ArrayList<>();
    operands.forEach(operand -> out.add(eq(path, BsonJson.toBson(operand))));
    return out;
  }
}
