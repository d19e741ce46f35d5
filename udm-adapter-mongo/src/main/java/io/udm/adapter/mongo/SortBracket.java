package io.udm.adapter.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.udm.api.json.JsonValues;
import java.util.Arrays;
import org.bson.BsonType;
import org.bson.conversions.Bson;

/**
 * The type brackets of {@link JsonValues#SORT_ORDER}, in its order. MongoDB's {@code $gt}/{@code $lt}
 * only compare within one bracket, and its sort treats an array by its smallest or largest element,
 * so a listing walks the brackets one by one: each bracket selects exactly the values of its type.
 *
 * <p>The scalar brackets are sorted by the server on the value, whose order within them equals
 * {@code SORT_ORDER} (numbers by value across int, long, double and decimal; false before true;
 * strings alike, except that MongoDB orders by UTF-8 bytes and Java by UTF-16 units, which differ
 * only between characters beyond U+FFFF and those in U+E000..U+FFFF). Objects, arrays and binaries
 * are compared by {@code SORT_ORDER} by their JSON text, which no server sort of the value
 * reproduces, so those brackets are sorted by the server on the head's sort key ({@link SortKeys}),
 * with the same caveat on characters.
 */
enum SortBracket {
  NULL_OR_MISSING(0, true),
  NUMBER(1, true),
  STRING(2, true),
  OBJECT(3, false),
  ARRAY(4, false),
  BINARY(5, false),
  BOOLEAN(6, true);

  private final int rank;
  private final boolean sortedByValue;

  SortBracket(int rank, boolean sortedByValue) {
    this.rank = rank;
    this.sortedByValue = sortedByValue;
  }

  /** The bracket a value (JSON null for missing) sorts in. */
  static SortBracket of(JsonNode value) {
    int rank = JsonValues.typeRank(value);
    return Arrays.stream(values())
        .filter(bracket -> bracket.rank == rank)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a " + value.getNodeType() + " value cannot be a sort position"));
  }

  /** Objects, arrays and binaries: sorted and paged on the head's sort key rather than on the value. */
  boolean sortedByKey() {
    return !sortedByValue;
  }

  /** Selects the documents whose sort key at {@code keyField} falls in this bracket (keys start with the rank). */
  Bson keyRange(String keyField) {
    return Filters.and(Filters.gte(keyField, Integer.toString(rank)), Filters.lt(keyField, Integer.toString(rank + 1)));
  }

  /** Whether every value of this bracket sorts the same, so only the object id orders them. */
  boolean singleValued() {
    return this == NULL_OR_MISSING;
  }

  /**
   * Selects the documents whose value at {@code path} falls in this bracket, for the brackets sorted
   * by value. {@code $type} also matches arrays holding an element of the type, so arrays are
   * excluded.
   */
  Bson members(String path) {
    return switch (this) {
      case NULL_OR_MISSING -> MetaFilter.missingOrNull(path);
      case NUMBER -> Filters.and(Filters.type(path, "number"), MetaFilter.notArray(path));
      case STRING -> Filters.and(Filters.type(path, BsonType.STRING), MetaFilter.notArray(path));
      case OBJECT, ARRAY, BINARY -> throw new IllegalStateException(
          "the " + this + " bracket is selected by sort key (keyRange), not by the value's type");
      case BOOLEAN -> Filters.and(Filters.type(path, BsonType.BOOLEAN), MetaFilter.notArray(path));
    };
  }
}
