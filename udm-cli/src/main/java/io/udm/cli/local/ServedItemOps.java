package io.udm.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ChangePage;
import io.udm.api.ChangeQuery;
import io.udm.api.CollectionRestoreResult;
import io.udm.api.CreateResult;
import io.udm.api.DeleteResult;
import io.udm.api.EnrichOptions;
import io.udm.api.EnrichRequest;
import io.udm.api.EnrichResult;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.ProgressListener;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreResult;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.UpdateResult;
import io.udm.api.VersionDiff;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import io.udm.api.error.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A collection's item operations answered by the running {@code udm serve} over its HTTP API, for
 * CLI commands beside it. What that API cannot express (presigned URLs, filtered listings,
 * enrichment, restores, batches) goes to {@code direct}, a UDM of this process opened on first use.
 */
final class ServedItemOps implements ItemOps {
  private final ServeClient client;
  private final RouteContext ctx;
  private final Supplier<ItemOps> direct;
  private final String collection;
  private final String items;

  ServedItemOps(ServeClient client, RouteContext ctx, Supplier<ItemOps> direct) {
    this.client = client;
    this.ctx = ctx;
    this.direct = direct;
    this.collection = "/v1/t/" + ServeClient.segment(ctx.tenantId()) + "/" + ServeClient.segment(ctx.dbName()) + "/"
        + ServeClient.segment(ctx.collection());
    this.items = collection + "/items";
  }

  @Override
  public RouteContext context() {
    return ctx;
  }

  // ---------------------------------------------------------------- writes

  @Override
  public CreateResult create(ObjectNode data, WriteOptions opts) {
    if (opts.expectedOv().isPresent()) {
      return direct.get().create(data, opts);
    }
    List<String> headers = writeHeaders(opts);
    JsonNode r;
    if (opts.objectId().isPresent()) {
      headers.addAll(List.of("If-None-Match", "*"));
      r = client.send("PUT", item(opts.objectId().get()), Optional.of(data), headers).body();
    } else {
      r = client.send("POST", items, Optional.of(data), headers).body();
    }
    return new CreateResult(r.path("id").asText(), r.path("ov").asLong(), r.path("cv").asLong(), at(r));
  }

  @Override
  public UpdateResult update(String id, ObjectNode data, WriteOptions opts) {
    if (opts.objectId().isPresent()) {
      return direct.get().update(id, data, opts);
    }
    JsonNode r = client.send("PUT", item(id), Optional.of(data), writeHeaders(opts)).body();
    return new UpdateResult(r.path("id").asText(), r.path("ov").asLong(), r.path("cv").asLong(), at(r));
  }

  @Override
  public DeleteResult delete(String id, WriteOptions opts) {
    if (opts.objectId().isPresent()) {
      return direct.get().delete(id, opts);
    }
    JsonNode r = client.send("DELETE", item(id), Optional.empty(), writeHeaders(opts)).body();
    return new DeleteResult(r.path("id").asText(), r.path("ov").asLong(), r.path("cv").asLong(), at(r));
  }

  @Override
  public EnrichResult enrich(String id, ObjectNode patch, EnrichOptions opts) {
    return direct.get().enrich(id, patch, opts);
  }

  @Override
  public List<EnrichResult> enrichBatch(List<EnrichRequest> requests) {
    return direct.get().enrichBatch(requests);
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<ItemView> getLatest(String id, ReadOptions opts) {
    return opts.presignTtl().isPresent() ? direct.get().getLatest(id, opts) : read(id, opts, Map.of());
  }

  @Override
  public Optional<ItemView> getVersion(String id, long ov, ReadOptions opts) {
    return opts.presignTtl().isPresent() || ov < 1 ? direct.get().getVersion(id, ov, opts)
        : read(id, opts, Map.of("ov", Long.toString(ov)));
  }

  @Override
  public Optional<ItemView> getAsOf(String id, Instant at, ReadOptions opts) {
    return opts.presignTtl().isPresent() ? direct.get().getAsOf(id, at, opts)
        : read(id, opts, Map.of("asOf", at.toString()));
  }

  @Override
  public Page<ItemView> listByMeta(MetaQuery query, ListOptions opts) {
    if (query != MetaQuery.all()) {
      return direct.get().listByMeta(query, opts);
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("limit", Integer.toString(opts.limit()));
    opts.cursor().ifPresent(c -> q.put("cursor", c));
    opts.sortField().ifPresent(field -> {
      q.put("sort", field);
      if (!opts.sortAscending()) {
        q.put("desc", "true");
      }
    });
    if (opts.includeDeleted()) {
      q.put("includeDeleted", "true");
    }
    JsonNode r = client.send("GET", ServeClient.withQuery(items, q), Optional.empty(), List.of()).body();
    List<ItemView> views = new ArrayList<>();
    r.path("items").forEach(node -> views.add(ServedJson.item(node)));
    return new Page<>(views, Optional.ofNullable(r.path("nextCursor").textValue()));
  }

  @Override
  public List<VersionInfo> history(String id) {
    try {
      JsonNode r = client.send("GET", item(id) + "/history", Optional.empty(), List.of()).body();
      List<VersionInfo> versions = new ArrayList<>();
      r.forEach(node -> versions.add(ServedJson.version(node)));
      return versions;
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  @Override
  public RestoreResult restoreObject(String id, RestoreTarget to, WriteOptions opts) {
    return direct.get().restoreObject(id, to, opts);
  }

  @Override
  public CollectionRestoreResult restoreCollection(RestoreTarget to, WriteOptions opts, ProgressListener progress) {
    return direct.get().restoreCollection(to, opts, progress);
  }

  @Override
  public VersionDiff diff(String id, long fromOv, long toOv) {
    JsonNode r = client.send("GET", ServeClient.withQuery(item(id) + "/diff",
        Map.of("from", Long.toString(fromOv), "to", Long.toString(toOv))), Optional.empty(), List.of()).body();
    return new VersionDiff(r.path("id").asText(), r.path("fromOv").asLong(), r.path("toOv").asLong(),
        (ArrayNode) r.path("patch"));
  }

  @Override
  public ChangePage changes(ChangeQuery query) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("afterCv", Long.toString(query.afterCv()));
    q.put("limit", Integer.toString(query.limit()));
    q.put("includeData", Boolean.toString(query.includeData()));
    return ServedJson.changes(client.send("GET", ServeClient.withQuery(collection + "/changes", q), Optional.empty(),
        List.of()).body());
  }

  private Optional<ItemView> read(String id, ReadOptions opts, Map<String, String> version) {
    Map<String, String> q = new LinkedHashMap<>(version);
    if (opts.includeDeleted()) {
      q.put("includeDeleted", "true");
    }
    if (opts.inlineContent()) {
      q.put("inlineContent", "true");
    }
    try {
      return Optional.of(ServedJson.item(client.send("GET", ServeClient.withQuery(item(id), q), Optional.empty(),
          List.of()).body()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private String item(String id) {
    return items + "/" + ServeClient.segment(id);
  }

  private static List<String> writeHeaders(WriteOptions opts) {
    List<String> headers = new ArrayList<>();
    opts.expectedOv().ifPresent(ov -> headers.addAll(List.of("If-Match", "\"" + ov + "\"")));
    opts.requestId().ifPresent(id -> headers.addAll(List.of("Idempotency-Key", id)));
    opts.actor().ifPresent(actor -> headers.addAll(List.of("X-Udm-Actor", actor)));
    opts.reason().ifPresent(reason -> headers.addAll(List.of("X-Udm-Reason", reason)));
    return headers;
  }

  private static Instant at(JsonNode r) {
    return Instant.parse(r.path("at").asText());
  }
}
