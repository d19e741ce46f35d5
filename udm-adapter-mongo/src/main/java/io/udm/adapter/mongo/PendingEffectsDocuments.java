package io.udm.adapter.mongo;

import io.udm.spi.CounterDelta;
import io.udm.spi.PendingEffects;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * The after-commit work a version owes, as the {@code fx} field of its {@code versions} document.
 * The field exists only while the work is owed; {@code fx.until} is the claim's expiry.
 */
final class PendingEffectsDocuments {
  static final String FIELD = "fx";
  static final String UNTIL = FIELD + ".until";
  private static final String[] TOTALS = {"creates", "updates", "deletes", "enrichments", "restores", "live"};

  private PendingEffectsDocuments() {}

  static BsonDocument toDocument(PendingEffects effects) {
    return new BsonDocument("counters", delta(effects.counters()))
        .append("devShadow", BsonBoolean.valueOf(effects.devShadow()))
        .append("until", BsonJson.date(effects.claimedUntil()));
  }

  static PendingEffects toEffects(BsonDocument fx) {
    return new PendingEffects(toDelta(fx.getDocument("counters")), fx.getBoolean("devShadow").getValue(),
        BsonJson.instant(fx.get("until")));
  }

  static BsonDocument delta(CounterDelta delta) {
    long[] values = values(delta);
    BsonDocument doc = new BsonDocument();
    for (int i = 0; i < TOTALS.length; i++) {
      doc.append(TOTALS[i], new BsonInt64(values[i]));
    }
    BsonDocument rules = new BsonDocument();
    delta.rules().forEach((name, value) -> rules.append(RuleFieldNames.encode(name), new BsonInt64(value)));
    return doc.append("rules", rules);
  }

  static CounterDelta toDelta(BsonDocument doc) {
    long[] v = new long[TOTALS.length];
    for (int i = 0; i < TOTALS.length; i++) {
      v[i] = doc.getNumber(TOTALS[i]).longValue();
    }
    Map<String, Long> rules = new TreeMap<>();
    doc.getDocument("rules", new BsonDocument())
        .forEach((field, value) -> rules.put(RuleFieldNames.decode(field), value.asNumber().longValue()));
    return new CounterDelta(v[0], v[1], v[2], v[3], v[4], v[5], rules);
  }

  private static long[] values(CounterDelta d) {
    return new long[] {d.creates(), d.updates(), d.deletes(), d.enrichments(), d.restores(), d.live()};
  }
}
