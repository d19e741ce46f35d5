package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.EnrichOptions;
import io.udm.api.EnrichRequest;
import io.udm.api.EnrichResult;
import io.udm.api.RouteContext;
import java.util.List;

/** Deep-merges patches into items, recording the function that produced them. */
public final class EnrichItemService {
  EnrichItemService() {}

  public EnrichResult enrich(RouteContext ctx, String id, ObjectNode patch, EnrichOptions opts) {
    throw NotYetAvailable.feature("enrich");
  }

  public List<EnrichResult> enrichBatch(RouteContext ctx, List<EnrichRequest> requests) {
    throw NotYetAvailable.feature("enrichBatch");
  }
}
