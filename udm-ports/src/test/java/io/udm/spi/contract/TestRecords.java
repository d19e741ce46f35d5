package io.udm.spi.contract;

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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Test data for the contract suites. Every name is random, so suites can share one server, and
 * every instant has whole milliseconds, because MongoDB keeps no finer time.
 */
public final class TestRecords {
  /** A fixed, millisecond-precise start of time for tests that need instants. */
  public static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private TestRecords() {}

  /** A short random token usable in every kind of UDM name. */
  public static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** A collection of a tenant and database of its own. */
  public static RouteContext newCollection() {
    return RouteContext.of("t" + unique(), "db" + unique(), "c" + unique());
  }

  /** Another collection in the same tenant and database. */
  public static RouteContext siblingOf(RouteContext collection) {
    return RouteContext.of(collection.tenantId(), collection.dbName(), "c" + unique());
  }

  public static ItemKey newKey(RouteContext collection) {
    return ItemKey.of(collection, "o" + unique());
  }

  public static ItemKey newKey() {
    return newKey(newCollection());
  }

  /** Meta from JSON text with single quotes, e.g. {@code meta("{'status':'active'}")}. */
  public static ObjectNode meta(String singleQuotedJson) {
    return JsonValues.parseObject(singleQuotedJson.replace('\'', '"'));
  }

  public static ObjectNode emptyMeta() {
    return JsonValues.NODES.objectNode();
  }

  /** A fresh op for the retry queue, never attempted, due at {@code dueAt} and enqueued then. */
  public static RetryOp retryOp(RouteContext collection, Op op, Instant dueAt) {
    ObjectNode request = meta("{'document':{'name':'Ada'},'options':{'actor':'tester'}}");
    return new RetryOp(
        "r" + unique(), collection, op, Optional.of("o" + unique()), request, 0, dueAt, dueAt, Optional.empty(),
        Optional.empty());
  }

  public static VersionBuilder version(ItemKey key, long ov) {
    return new VersionBuilder(key, ov);
  }

  /** The head of a live item at {@code ov}. */
  public static HeadRecord head(ItemKey key, long ov) {
    return version(key, ov).head();
  }

  public static HeadRecord head(ItemKey key, long ov, ObjectNode meta) {
    return version(key, ov).meta(meta).head();
  }

  /**
   * Builds a {@link VersionRecord} (or the head pointing at it) with sensible defaults. A cv is
   * unique per collection, so the default cv is one no other record of the test run has.
   */
  public static final class VersionBuilder {
    private static final java.util.concurrent.atomic.AtomicLong NEXT_CV = new java.util.concurrent.atomic.AtomicLong();
    private final ItemKey key;
    private final long ov;
    private long cv;
    private Instant at;
    private Op op;
    private Optional<String> requestId = Optional.empty();
    private ObjectNode meta = emptyMeta();
    private boolean deleted;
    private List<ContentRef> content = List.of();
    private Optional<String> inlinePayload = Optional.empty();
    private final String writeId = "w" + unique();

    private VersionBuilder(ItemKey key, long ov) {
      this.key = key;
      this.ov = ov;
      this.cv = 1_000_000 + NEXT_CV.incrementAndGet();
      this.at = T0.plusSeconds(ov);
      this.op = ov == 1 ? Op.CREATE : Op.UPDATE;
    }

    public VersionBuilder cv(long value) {
      cv = value;
      return this;
    }

    public VersionBuilder at(Instant value) {
      at = value;
      return this;
    }

    public VersionBuilder op(Op value) {
      op = value;
      return this;
    }

    public VersionBuilder requestId(String value) {
      requestId = Optional.of(value);
      return this;
    }

    public VersionBuilder meta(ObjectNode value) {
      meta = value;
      return this;
    }

    public VersionBuilder meta(String singleQuotedJson) {
      return meta(TestRecords.meta(singleQuotedJson));
    }

    public VersionBuilder deleted() {
      deleted = true;
      op = Op.DELETE;
      return this;
    }

    public VersionBuilder content(ContentRef... refs) {
      content = List.of(refs);
      return this;
    }

    /** The payload kept inside the record (stored JSON text) rather than in object storage. */
    public VersionBuilder inline(String storedJson) {
      inlinePayload = Optional.of(storedJson);
      return this;
    }

    public VersionRecord build() {
      SystemHeader system = new SystemHeader(
          T0, at, deleted ? Optional.of(at) : Optional.empty(), deleted, List.of());
      String payloadKey = "t/" + key.collection() + "/" + key.objectId() + "/" + ov + "-" + writeId + ".json";
      return new VersionRecord(
          key, ov, cv, at, op, Optional.of("tester"), Optional.empty(), Optional.empty(), requestId,
          requestId.map(id -> "sha256-" + id), writeId, payloadKey, 100 + ov, meta, system, content, at,
          inlinePayload);
    }

    public HeadRecord head() {
      return HeadRecord.of(build());
    }
  }
}
