package io.udm.app.counters;

import io.udm.api.RecountResult;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.app.routing.BackendRouter;
import io.udm.app.scan.ItemScan;
import io.udm.domain.counters.CounterDeltas;
import io.udm.spi.BackendPorts;
import io.udm.spi.CounterDelta;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds {@code live} and the rule gauges of one collection from its heads, a page at a time
 * (memory bounded by the page and the number of rules), then adds the difference to the stored
 * counters so they become exact. Rules no longer configured for the collection go to zero.
 * Operation totals are history, not state: they are left as they are.
 */
public final class RecountService {
  private static final int PAGE = 500;

  private final BackendRouter router;
  private final CounterDeltas deltas;
  private final CountersService counters;

  public RecountService(BackendRouter router, CounterDeltas deltas, CountersService counters) {
    this.router = router;
    this.deltas = deltas;
    this.counters = counters;
  }

  public RecountResult recount(RouteContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    BackendPorts backend = router.forRead(ctx);
    boolean payload = deltas.needsPayload(ctx);
    AtomicLong scanned = new AtomicLong();
    CounterDelta[] exact = {CounterDelta.ZERO};
    ItemScan.forEachHead(backend, ctx, PAGE, head -> {
      scanned.incrementAndGet();
      exact[0] = exact[0].plus(deltas.presence(ctx, CounterRecorder.state(backend, head, payload)));
    });
    Totals current = counters.collectionTotals(ctx);
    Map<String, Long> ruleFix = new HashMap<>();
    current.rules().forEach((name, value) -> ruleFix.put(name, -value));
    exact[0].rules().forEach((name, value) -> ruleFix.merge(name, value, Long::sum));
    counters.correct(ctx, new CounterDelta(0, 0, 0, 0, 0, exact[0].live() - current.live(), ruleFix));
    return new RecountResult(scanned.get(), counters.collectionTotals(ctx));
  }
}
