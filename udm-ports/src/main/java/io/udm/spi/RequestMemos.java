package io.udm.spi;

import io.udm.api.RouteContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the request ids of pruned versions answered. Retention removes versions, and with them the
 * request ids the version log's index held; a memo keeps each pruned request's first result for a
 * while, so a replay of it returns that result instead of writing again.
 */
public interface RequestMemos {
  /**
   * Keeps what the request ids of versions about to be pruned answer (replacing an earlier memo of
   * the same request id), so a replay after the prune returns the first result instead of writing
   * again.
   */
  void rememberPrunedRequests(List<PrunedRequest> requests);

  /** The memo of a pruned version's request id, unless it expired at or before {@code now}. */
  Optional<PrunedRequest> findPrunedRequest(RouteContext collection, String requestId, Instant now);

  /**
   * At most {@code limit} memos of the collection that have not expired at {@code now}, in request
   * id order, after {@code afterRequestId} (from the first when empty): what a move copies.
   */
  List<PrunedRequest> prunedRequests(RouteContext collection, Optional<String> afterRequestId, int limit, Instant now);
}
