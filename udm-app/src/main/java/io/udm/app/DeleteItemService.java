package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.DeleteResult;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.SystemHeaders;
import io.udm.domain.write.VersionPlanner;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/** Logical delete: a new version holding the last data, marked deleted. */
public final class DeleteItemService {
  private final UdmConfig config;
  private final VersionPlanner planner;
  private final WritePipeline pipeline;

  DeleteItemService(UdmConfig config, VersionPlanner planner, WritePipeline pipeline) {
    this.config = config;
    this.planner = planner;
    this.pipeline = pipeline;
  }

  public DeleteResult delete(RouteContext ctx, String id, WriteOptions opts) {
    WriteValidation.requireId(id);
    ItemKey key = ItemKey.of(ctx, id);
    VersionRecord v = pipeline.write(key, Op.DELETE, opts, Optional.empty(), JsonValues.NODES.nullNode(),
        (backend, latest, current, now) -> {
          ObjectNode data = latest.isPresent() && !latest.get().deleted()
              ? SystemHeaders.userData(StoredPayloads.read(backend.blobs(), key, latest.get().ov(), latest.get().payloadKey()))
              : JsonValues.NODES.objectNode();
          return planner.delete(id, current, data, config.collectionMap(ctx.collection()), opts.expectedOv(), now);
        });
    return new DeleteResult(id, v.ov(), v.cv(), v.at());
  }
}
