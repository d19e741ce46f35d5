package io.udm.app.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.DeleteResult;
import io.udm.api.EnrichBatchException;
import io.udm.api.EnrichOptions;
import io.udm.api.EnrichRequest;
import io.udm.api.EnrichResult;
import io.udm.api.Names;
import io.udm.api.RouteContext;
import io.udm.api.UpdateResult;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.domain.write.VersionPlanner;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Create, update, delete and enrich: checks the caller's input before any I/O (every problem at
 * once), turns it into a {@link WriteRequest} and hands it to the {@link WritePipeline}.
 * Enrichment deep-merges a patch ({@link io.udm.domain.merge.DeepMerge}) and records its function
 * once in {@code _system.functionIds}.
 */
public final class ItemWriteService {
  private final UdmConfig config;
  private final VersionPlanner planner;
  private final WritePipeline pipeline;
  private final IdGenerator ids;

  public ItemWriteService(UdmConfig config, VersionPlanner planner, WritePipeline pipeline, IdGenerator ids) {
    this.config = config;
    this.planner = planner;
    this.pipeline = pipeline;
    this.ids = ids;
  }

  public CreateResult create(RouteContext ctx, ObjectNode data, WriteOptions opts) {
    requireOptions(opts);
    requireDocument(ctx, opts.objectId().orElse(null), data);
    ItemKey key = ItemKey.of(ctx, opts.objectId().orElseGet(ids::newObjectId));
    WriteOutcome v = pipeline.write(new WriteRequest.Create(key, data, opts, opts.objectId().isEmpty()));
    return new CreateResult(v.key().objectId(), v.ov(), v.cv(), v.at());
  }

  public UpdateResult update(RouteContext ctx, String id, ObjectNode data, WriteOptions opts) {
    requireOptions(opts);
    requireDocument(ctx, id, data);
    WriteOutcome v = pipeline.write(new WriteRequest.Update(ItemKey.of(ctx, id), data, opts));
    return new UpdateResult(id, v.ov(), v.cv(), v.at());
  }

  public DeleteResult delete(RouteContext ctx, String id, WriteOptions opts) {
    Names.requireObjectId(id);
    requireOptions(opts);
    WriteOutcome v = pipeline.write(new WriteRequest.Delete(ItemKey.of(ctx, id), opts));
    return new DeleteResult(id, v.ov(), v.cv(), v.at());
  }

  public EnrichResult enrich(RouteContext ctx, String id, ObjectNode patch, EnrichOptions opts) {
    return enrich(ctx, id, patch, opts, false);
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
    List<EnrichBatchException.Outcome> outcomes = new ArrayList<>(requests.size());
    boolean failed = false;
    for (int i = 0; i < requests.size(); i++) {
      EnrichRequest request = requests.get(i);
      try {
        if (request == null) {
          throw new ValidationException("batch request " + i + " is null");
        }
        EnrichResult result = enrich(ctx, request.id(), request.patch(), request.opts(), true);
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

  private EnrichResult enrich(RouteContext ctx, String id, ObjectNode patch, EnrichOptions opts, boolean bulk) {
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
    WriteRequest.Enrich request =
        new WriteRequest.Enrich(ItemKey.of(ctx, id), patch, opts.functionId(), opts.asWriteOptions(), bulk);
    WriteOutcome v = pipeline.write(request);
    return new EnrichResult(id, v.ov(), v.cv(), v.at(), v.functionIds());
  }

  private void requireDocument(RouteContext ctx, String objectIdOrNull, ObjectNode data) {
    List<String> problems = new ArrayList<>();
    if (objectIdOrNull != null) {
      Names.objectIdProblem(objectIdOrNull).ifPresent(problems::add);
    }
    if (data == null) {
      problems.add("the document must not be null");
    } else {
      problems.addAll(planner.documentProblems(data, config.collectionMap(ctx.collection()), ctx.collection()));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  static void requireOptions(WriteOptions opts) {
    if (opts == null) {
      throw new ValidationException("write options must not be null; use WriteOptions.none()");
    }
  }
}
