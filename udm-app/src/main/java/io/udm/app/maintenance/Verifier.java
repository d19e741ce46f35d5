package io.udm.app.maintenance;

import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.RouteContext;
import io.udm.api.VerifyProblem;
import io.udm.api.VerifyProblem.Kind;
import io.udm.api.VerifyReport;
import io.udm.app.routing.BackendRouter;
import io.udm.app.scan.CollectionPayloads;
import io.udm.app.scan.ItemScan;
import io.udm.app.scan.PageCursor;
import io.udm.app.scan.PayloadItemIds;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a collection's heads, version chains and payloads. Items are found from two sides: the
 * heads, and the payloads in object storage (an item whose first head was never written still has
 * the payload its version record points to).
 *
 * <p>Memory stays bounded whatever the collection's size: the two sides are walked as a merge,
 * one page of heads and one page of payload keys at a time, and each item is checked as the merge
 * reaches it ({@link ItemCheck} holds that one item's history). The report keeps the first {@link
 * #MAX_PROBLEMS_KEPT} problems and counts the rest.
 *
 * <p>The merge: heads come in object id order, payloads in key order, which is the order of {@code
 * objectId + "/"} (see {@link PayloadItemIds}). The two agree unless an object id is another one
 * followed by {@code '-'} or {@code '.'} and more ({@code a} and {@code a-1}); then the payload side
 * brings {@code a} after the head side passed it. Such an id is recognized (it is not above the
 * last head taken) and its head is looked up, so the merge is exact for any ids and each item is
 * checked once; the lookup costs one read per such id only.
 *
 * <p>What can be repaired safely is repaired, and still reported so the damage is seen: a head
 * behind its log ({@link Kind#HEAD_BEHIND}) or missing ({@link Kind#ORPHAN_VERSION}) is rolled
 * forward to the newest version record, exactly as the next read or write of the item would,
 * provided that record's payload exists. Everything else is only reported: dangling heads, ov
 * gaps, missing payloads, orphan payloads (which {@code collectGarbage} removes once old enough;
 * a write in flight shows its payload as an orphan until it commits).
 */
public final class Verifier {
  /** The most problems one report holds: enough to act on, and a bound on what a damaged collection costs. */
  public static final int MAX_PROBLEMS_KEPT = 1000;

  private final BackendRouter router;

  public Verifier(BackendRouter router) {
    this.router = router;
  }

  public VerifyReport verify(RouteContext ctx) {
    return verify(ctx, ProgressListener.NONE);
  }

  /** Checks every item of {@code ctx}, telling {@code progress} after each. */
  public VerifyReport verify(RouteContext ctx, ProgressListener progress) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(progress, "progress");
    BackendPorts backend = router.forRead(ctx);
    ProblemTally problems = new ProblemTally(MAX_PROBLEMS_KEPT);
    PageCursor<HeadRecord> heads = ItemScan.heads(backend, ctx, CollectionPayloads.PAGE);
    PayloadItemIds payloadIds = PayloadItemIds.of(backend.blobs(), BlobArea.JSON, ctx);
    long checked = 0;
    String lastHeadId = null;
    while (true) {
      Optional<String> nextHead = heads.peek().map(head -> head.key().objectId());
      Optional<String> nextPayload = payloadIds.peek();
      if (nextHead.isEmpty() && nextPayload.isEmpty()) {
        break;
      }
      if (nextHead.isPresent() && (nextPayload.isEmpty() || nextHead.get().compareTo(nextPayload.get()) <= 0)) {
        String id = heads.next().key().objectId();
        if (nextPayload.filter(id::equals).isPresent()) {
          payloadIds.next();
        }
        ItemCheck.check(backend, ItemKey.of(ctx, id), problems::add);
        checked++;
        progress.onProgress(Progress.items("verify", checked));
        lastHeadId = id;
        continue;
      }
      String id = payloadIds.next();
      if (lastHeadId != null && id.compareTo(lastHeadId) <= 0 && hasHead(backend, ItemKey.of(ctx, id), lastHeadId)) {
        continue; // listed after the heads passed it (see the class comment); its head was checked
      }
      ItemCheck.check(backend, ItemKey.of(ctx, id), problems::add);
      checked++;
      progress.onProgress(Progress.items("verify", checked));
    }
    checked = checkItemsWithVersionsOnly(backend, ctx, problems, checked, progress);
    return problems.report(checked);
  }

  /**
   * An item whose payloads are all inline and whose head is missing has neither a head nor an
   * object for the merge above to find: the version log's item ids are walked against the heads
   * (both in object id order), and an id without a head is checked unless it has objects (then the
   * merge checked it). Such items are rare, so the object lookup runs only for them.
   */
  private static long checkItemsWithVersionsOnly(BackendPorts backend, RouteContext ctx, ProblemTally problems,
      long checked, ProgressListener progress) {
    PageCursor<String> logged = new PageCursor<>(CollectionPayloads.PAGE,
        last -> backend.versions().itemIds(ctx, last, CollectionPayloads.PAGE));
    PageCursor<HeadRecord> heads = ItemScan.heads(backend, ctx, CollectionPayloads.PAGE);
    long total = checked;
    while (logged.peek().isPresent()) {
      String id = logged.next();
      while (heads.peek().filter(head -> head.key().objectId().compareTo(id) < 0).isPresent()) {
        heads.next();
      }
      boolean hasHead = heads.peek().filter(head -> head.key().objectId().equals(id)).isPresent();
      ItemKey key = ItemKey.of(ctx, id);
      if (hasHead || !CollectionPayloads.ofItem(backend.blobs(), StorageKeys.itemPrefix(key)).isEmpty()) {
        continue;
      }
      ItemCheck.check(backend, key, problems::add);
      total++;
      progress.onProgress(Progress.items("verify", total));
    }
    return total;
  }

  private static boolean hasHead(BackendPorts backend, ItemKey key, String lastHeadId) {
    return key.objectId().equals(lastHeadId) || backend.heads().find(key).isPresent();
  }

  /** The first {@code max} problems, and how many there were in all. */
  private static final class ProblemTally {
    private final int max;
    private final List<VerifyProblem> kept = new ArrayList<>();
    private long found;

    ProblemTally(int max) {
      this.max = max;
    }

    void add(VerifyProblem problem) {
      found++;
      if (kept.size() < max) {
        kept.add(problem);
      }
    }

    VerifyReport report(long itemsChecked) {
      return new VerifyReport(itemsChecked, kept, found);
    }
  }
}
