package io.udm.app.maintenance;

import io.udm.api.GcResult;
import io.udm.api.HardDeleteOptions;
import io.udm.api.HardDeleteResult;
import io.udm.api.Hold;
import io.udm.api.MaintenanceApi;
import io.udm.api.ProgressListener;
import io.udm.api.RebalanceOptions;
import io.udm.api.RebalancePlan;
import io.udm.api.RebalanceResult;
import io.udm.api.RecountResult;
import io.udm.api.RetentionResult;
import io.udm.api.ReindexResult;
import io.udm.api.RouteContext;
import io.udm.api.SchemaReport;
import io.udm.api.ShrinkOptions;
import io.udm.api.ShrinkResult;
import io.udm.api.VerifyReport;
import io.udm.app.counters.RecountService;
import io.udm.app.history.HardDeleteService;
import io.udm.app.history.RetentionService;
import io.udm.app.holds.HoldService;
import io.udm.app.index.ReindexService;
import io.udm.app.rebalance.RebalanceService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link MaintenanceApi}: hands each operation to the service that owns it. */
public final class MaintenanceService implements MaintenanceApi {
  private final HardDeleteService hardDelete;
  private final ShrinkService shrink;
  private final RetentionService retention;
  private final GarbageCollector garbage;
  private final Verifier verifier;
  private final RecountService recount;
  private final RebalanceService rebalance;
  private final SchemaCheck schemaCheck;
  private final ReindexService reindex;
  private final HoldService holds;

  public MaintenanceService(HardDeleteService hardDelete, ShrinkService shrink, RetentionService retention,
      GarbageCollector garbage, Verifier verifier, RecountService recount, RebalanceService rebalance,
      SchemaCheck schemaCheck, ReindexService reindex, HoldService holds) {
    this.holds = holds;
    this.rebalance = rebalance;
    this.schemaCheck = schemaCheck;
    this.reindex = reindex;
    this.hardDelete = hardDelete;
    this.shrink = shrink;
    this.retention = retention;
    this.garbage = garbage;
    this.verifier = verifier;
    this.recount = recount;
  }

  @Override
  public HardDeleteResult hardDelete(RouteContext ctx, String id, HardDeleteOptions opts) {
    return hardDelete.hardDelete(ctx, id, opts);
  }

  @Override
  public ShrinkResult shrinkDevShadows(RouteContext ctx, ShrinkOptions opts, ProgressListener progress) {
    return shrink.shrink(ctx, opts, progress);
  }

  @Override
  public RetentionResult applyRetention(RouteContext ctx, ProgressListener progress) {
    return retention.apply(ctx, progress);
  }

  @Override
  public GcResult collectGarbage(RouteContext ctx, Duration olderThan, ProgressListener progress) {
    return garbage.collect(ctx, olderThan, progress);
  }

  @Override
  public VerifyReport verify(RouteContext ctx, ProgressListener progress) {
    return verifier.verify(ctx, progress);
  }

  @Override
  public RecountResult recountTotals(RouteContext ctx) {
    return recount.recount(ctx);
  }

  @Override
  public SchemaReport checkSchema(RouteContext ctx, ProgressListener progress) {
    return schemaCheck.check(ctx, progress);
  }

  @Override
  public ReindexResult reindex(RouteContext ctx, ProgressListener progress) {
    return reindex.reindex(ctx, progress);
  }

  @Override
  public Hold placeHold(RouteContext ctx, Optional<String> itemId, String reason) {
    return holds.place(ctx, itemId, reason);
  }

  @Override
  public void releaseHold(String holdId) {
    holds.release(holdId);
  }

  @Override
  public List<Hold> listHolds(RouteContext ctx) {
    return holds.list(ctx);
  }

  @Override
  public RebalancePlan planRebalance() {
    return rebalance.planRebalance();
  }

  @Override
  public RebalanceResult rebalance(RebalanceOptions opts) {
    return rebalance.rebalance(opts);
  }
}
