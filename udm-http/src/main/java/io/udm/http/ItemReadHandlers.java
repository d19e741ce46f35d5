package io.udm.http;

import io.udm.api.ChangeQuery;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.ReadOptions;
import io.udm.api.Udm;
import io.udm.api.VersionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The reads: one item (latest, a version, as of a time), a listing, history, a diff, the change feed. */
final class ItemReadHandlers {
  private static final Set<String> GET_PARAMS = Set.of("ov", "asOf", "includeDeleted", "inlineContent");
  private static final Set<String> LIST_PARAMS = Set.of("filter", "sort", "desc", "limit", "cursor", "includeDeleted");
  private static final Set<String> DIFF_PARAMS = Set.of("from", "to");
  private static final Set<String> CHANGES_PARAMS = Set.of("afterCv", "limit", "includeData");

  private final Udm udm;

  ItemReadHandlers(Udm udm) {
    this.udm = udm;
  }

  Response get(HttpCall call) {
    QueryParams q = call.query(GET_PARAMS);
    ItemOps items = call.items(udm);
    String id = call.itemId();
    Optional<Long> ov = q.nonNegativeLong("ov").map(v -> positive("ov", v));
    Optional<Instant> asOf = q.instant("asOf");
    if (ov.isPresent() && asOf.isPresent()) {
      throw HttpProblem.badRequest("give ov or asOf, not both");
    }
    ReadOptions opts = ReadOptions.builder().includeDeleted(q.flag("includeDeleted"))
        .inlineContent(q.flag("inlineContent")).build();
    Optional<ItemView> view = ov.isPresent() ? items.getVersion(id, ov.get(), opts)
        : asOf.isPresent() ? items.getAsOf(id, asOf.get(), opts)
        : items.getLatest(id, opts);
    ItemView found = view.orElseThrow(() -> HttpProblem.notFound("item '" + id + "' has no such version in "
        + call.collection() + (opts.includeDeleted() ? "" : " (deleted items need includeDeleted=true)")));
    Optional<Response> notModified = Preconditions.forRead(call, found);
    if (notModified.isPresent()) {
      return notModified.get();
    }
    return Response.json(200, JsonViews.item(found)).withETag(found.ov());
  }

  Response list(HttpCall call) {
    QueryParams q = call.query(LIST_PARAMS);
    ItemOps items = call.items(udm);
    MetaQuery filter = q.string("filter").map(MetaQuery::fromJson).orElse(MetaQuery.all());
    var opts = ListOptions.builder().includeDeleted(q.flag("includeDeleted"));
    q.positiveInt("limit").ifPresent(opts::limit);
    q.string("cursor").ifPresent(opts::cursor);
    Optional<String> sort = q.string("sort");
    if (sort.isPresent()) {
      opts.sortBy(sort.get(), !q.flag("desc"));
    } else if (q.string("desc").isPresent()) {
      throw HttpProblem.badRequest("desc needs sort: name the indexed property to sort by");
    }
    return Response.json(200, JsonViews.page(items.listByMeta(filter, opts.build())));
  }

  Response history(HttpCall call) {
    call.noQuery();
    ItemOps items = call.items(udm);
    String id = call.itemId();
    List<VersionInfo> versions = items.history(id);
    if (versions.isEmpty()) {
      throw HttpProblem.notFound("item '" + id + "' does not exist in " + call.collection());
    }
    return Response.json(200, JsonViews.history(versions));
  }

  Response diff(HttpCall call) {
    QueryParams q = call.query(DIFF_PARAMS);
    ItemOps items = call.items(udm);
    String id = call.itemId();
    long from = q.nonNegativeLong("from").orElseThrow(() -> HttpProblem.badRequest("from is required: an ov, or 0 for {}"));
    long to = q.nonNegativeLong("to").orElseThrow(() -> HttpProblem.badRequest("to is required: an ov, or 0 for {}"));
    return Response.json(200, JsonViews.diff(items.diff(id, from, to)));
  }

  Response changes(HttpCall call) {
    QueryParams q = call.query(CHANGES_PARAMS);
    ItemOps items = call.items(udm);
    var query = ChangeQuery.builder().includeData(q.flag("includeData"));
    q.nonNegativeLong("afterCv").ifPresent(query::afterCv);
    q.positiveInt("limit").ifPresent(query::limit);
    return Response.json(200, JsonViews.changes(items.changes(query.build())));
  }

  private static long positive(String name, long value) {
    if (value < 1) {
      throw HttpProblem.badRequest("query parameter '" + name + "' must be a whole number, 1 or more");
    }
    return value;
  }
}
