package io.udm.adapter.mongo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.SystemHeader;
import io.udm.api.json.JsonValues;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.RetryOp;
import io.udm.spi.VersionRecord;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Test data: random names (so tests share a server), millisecond instants (as MongoDB keeps them). */
final class Records {
  static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private Records() {}

  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static RouteContext newCollection() {
    return RouteContext.of("t" + unique(), "db" + unique(), "c" + unique());
  }

  static ItemKey newKey(RouteContext collection) {
    return ItemKey.of(collection, "o" + unique());
  }

  /** JSON with single quotes: {@code json("{'a':1}")}. */
  static ObjectNode json(String singleQuoted) {
    return JsonValues.parseObject(singleQuoted.replace('\'', '"'));
  }

  static VersionRecord version(ItemKey key, long ov) {
    return version(key, ov, json("{}"), Optional.empty(), T0.plusSeconds(ov), false);
  }

  static VersionRecord version(
      ItemKey key, long ov, ObjectNode meta, Optional<String> requestId, Instant at, boolean deleted) {
    SystemHeader system = new SystemHeader(T0, at, deleted ? Optional.of(at) : Optional.empty(), deleted, List.of("fn-1"));
    List<ContentRef> content = List.of(
        new ContentRef("avatar", "t/x/c/" + unique(), "image/png", 12, "ab12", Optional.empty()),
        new ContentRef("doc", "t/x/d/" + unique(), "application/pdf", 3_000_000_000L, "cd34",
            Optional.of(URI.create("https://example.test/x?sig=1"))));
    String writeId = "w" + unique();
    return new VersionRecord(
        key, ov, ov * 10, at, deleted ? Op.DELETE : ov == 1 ? Op.CREATE : Op.UPDATE, Optional.of("tester"),
        Optional.of("because"), Optional.empty(), requestId, requestId.map(id -> "hash-" + id), writeId,
        "t/" + key + "/" + ov + "-" + writeId + ".json", 100 + ov, meta, system, content);
  }

  static HeadRecord head(ItemKey key, long ov) {
    return HeadRecord.of(version(key, ov));
  }

  static HeadRecord head(ItemKey key, long ov, ObjectNode meta) {
    return HeadRecord.of(version(key, ov, meta, Optional.empty(), T0.plusSeconds(ov), false));
  }

  static HeadRecord deletedHead(ItemKey key, long ov, ObjectNode meta) {
    return HeadRecord.of(version(key, ov, meta, Optional.empty(), T0.plusSeconds(ov), true));
  }

  static RetryOp retryOp(RouteContext collection, Op op, Instant dueAt) {
    return new RetryOp(
        "r" + unique(), collection, op, Optional.of("o" + unique()), json("{'document':{'n':1,'x':[1.5,'a']}}"),
        0, dueAt, dueAt, Optional.empty(), Optional.empty());
  }
}
