package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.EnrichBatchException;
import io.udm.api.EnrichOptions;
import io.udm.api.EnrichRequest;
import io.udm.api.EnrichResult;
import io.udm.api.Names;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.VersionPlanner;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Deep-merges patches into items ({@link io.udm.domain.merge.DeepMerge}), recording the function
 * that produced them once in {@code _system.functionIds}; each enrichment is a version with op
 * ENRICH that names its function in history.
 */
public final class EnrichItemService {
  /** Where the request body (its fingerprint, and what content planning reads) holds the patch. */
  static final String PATCH_FIELD = "patch";

  private final UdmConfig config;
  private final VersionPlanner planner;
  private final WritePipeline pipeline;

  EnrichItemService(UdmConfig config, VersionPlanner planner, WritePipeline pipeline) {
    this.config = config;
    this.planner = planner;
    this.pipeline = pipeline;
  }

  public EnrichResult enrich(RouteContext ctx, String id, ObjectNode patch, EnrichOptions opts) {
    Objects.requireNonNull(ctx, "ctx");
    List<String> problems = new ArrayList<>();
    Names.objectIdProblem(id).ifPresent(problems::add);
    if (opts == null) {
      problems.add("enrich options are required: EnrichOptions.builder().functionId(\"name@v1\").build()");
    }
    problems.addAll(planner.patchProblems(patch, config.collectionMap(ctx.collection())));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    ObjectNode copy = patch.deepCopy();
    ItemKey key = ItemKey.of(ctx, id);
    ObjectNode body = JsonValues.NODES.objectNode().put("functionId", opts.functionId());
    body.set(PATCH_FIELD, copy);
    VersionRecord v = pipeline.write(key, Op.ENRICH, opts.asWriteOptions(), Optional.of(opts.functionId()), body,
        (backend, latest, current, now) -> {
          ObjectNode data = latest.isPresent() && !latest.get().deleted()
              ? VersionData.userData(backend, latest.get())
              : JsonValues.NODES.objectNode();
          return planner.enrich(id, current, data, copy, opts.functionId(), config.collectionMap(ctx.collection()),
              ctx.collection(), opts.expectedOv(), now);
        });
    return new EnrichResult(id, v.ov(), v.cv(), v.at(), v.system().functionIds());
  }

  /**
   * Enriches each item in order, each on its own: a failure does not undo or stop the others. When
   * every item succeeds, the results come back in request order; otherwise {@link
   * EnrichBatchException} reports, per request, its result or its error.
   */
  public List<EnrichResult> enrichBatch(RouteContext ctx, List<EnrichRequest> requests) {
    Objects.requireNonNull(ctx, "ctx");
    if (requests == null) {
      throw new ValidationException("the batch must not be null; pass an empty list to enrich nothing");
    }
    return BulkWrite.run(() -> enrichEach(ctx, requests));
  }

  private List<EnrichResult> enrichEach(RouteContext ctx, List<EnrichRequest> requests) {
    List<EnrichBatchException.Outcome> outcomes = new ArrayList<>(requests.size());
    boolean failed = false;
    for (int i = 0; i < requests.size(); i++) {
      EnrichRequest request = requests.get(i);
      try {
        if (request == null) {
          throw new ValidationException("batch request " + i + " is null");
        }
        EnrichResult result = enrich(ctx, request.id(), request.patch(), request.opts());
        outcomes.add(EnrichBatchException.Outcome.succeeded(i, request.id(), result));
      } catch (RuntimeException e) {
        failed = true;
        outcomes.add(EnrichBatchException.Outcome.failed(i, request == null ? null : request.id(), e));
      }
    }
    if (failed) {
      throw new EnrichBatchException(outcomes);
    }
    return outcomes.stream().map(o -> o.result().orElseThrow()).toList();
  }
}
