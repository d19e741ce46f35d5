package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.domain.write.VersionPlanner;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/** Creates an item at ov 1, under the given or a generated object id. */
public final class CreateItemService {
  private final UdmConfig config;
  private final VersionPlanner planner;
  private final WriteValidation validation;
  private final WritePipeline pipeline;
  private final IdGenerator ids;

  CreateItemService(UdmConfig config, VersionPlanner planner, WriteValidation validation, WritePipeline pipeline, IdGenerator ids) {
    this.config = config;
    this.planner = planner;
    this.validation = validation;
    this.pipeline = pipeline;
    this.ids = ids;
  }

  public CreateResult create(RouteContext ctx, ObjectNode data, WriteOptions opts) {
    validation.requireDocument(ctx, opts.objectId().orElse(null), data);
    ObjectNode copy = data.deepCopy();
    ItemKey key = ItemKey.of(ctx, opts.objectId().orElseGet(ids::newObjectId));
    VersionRecord v = pipeline.write(key, Op.CREATE, opts, Optional.empty(), copy,
        (backend, latest, current, now) -> planner.create(
            key.objectId(), current, copy, config.collectionMap(ctx.collection()), opts.expectedOv(), now));
    return new CreateResult(v.key().objectId(), v.ov(), v.cv(), v.at());
  }
}
