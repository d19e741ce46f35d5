package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.UpdateResult;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.domain.write.VersionPlanner;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/** Replaces a live item's document with a new version. */
public final class UpdateItemService {
  private final UdmConfig config;
  private final VersionPlanner planner;
  private final WriteValidation validation;
  private final WritePipeline pipeline;

  UpdateItemService(UdmConfig config, VersionPlanner planner, WriteValidation validation, WritePipeline pipeline) {
    this.config = config;
    this.planner = planner;
    this.validation = validation;
    this.pipeline = pipeline;
  }

  public UpdateResult update(RouteContext ctx, String id, ObjectNode data, WriteOptions opts) {
    validation.requireDocument(ctx, id, data);
    ObjectNode copy = data.deepCopy();
    ItemKey key = ItemKey.of(ctx, id);
    VersionRecord v = pipeline.write(key, Op.UPDATE, opts, Optional.empty(), copy,
        (backend, latest, current, now) -> planner.update(
            id, current, copy, config.collectionMap(ctx.collection()), opts.expectedOv(), now));
    return new UpdateResult(id, v.ov(), v.cv(), v.at());
  }
}
