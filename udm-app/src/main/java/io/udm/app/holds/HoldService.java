package io.udm.app.holds;

import io.udm.api.Hold;
import io.udm.api.Names;
import io.udm.api.RouteContext;
import io.udm.api.error.LegalHoldException;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.ValidationException;
import io.udm.spi.HoldStore;
import io.udm.spi.IdGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Legal holds: placed on an item or a whole collection, listed, released; and the check that
 * destructive maintenance runs first ({@link #refuseIfHeld}, {@link #coverage}).
 */
public final class HoldService {
  /** Reasons are shown in messages and lists: a line, not a document. */
  static final int MAX_REASON_LENGTH = 500;

  private final HoldStore holds;
  private final IdGenerator ids;
  private final Clock clock;

  public HoldService(HoldStore holds, IdGenerator ids, Clock clock) {
    this.holds = holds;
    this.ids = ids;
    this.clock = clock;
  }

  public Hold place(RouteContext ctx, Optional<String> itemId, String reason) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(itemId, "itemId");
    List<String> problems = new ArrayList<>();
    itemId.flatMap(Names::objectIdProblem).ifPresent(problems::add);
    if (reason == null || reason.isBlank()) {
      problems.add("a legal hold needs a reason (the matter or ticket it serves), e.g. \"case 2026-114\"");
    } else if (reason.length() > MAX_REASON_LENGTH) {
      problems.add("the reason is " + reason.length() + " characters; use at most " + MAX_REASON_LENGTH);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    Hold hold = new Hold("hold-" + ids.newObjectId(), ctx, itemId, reason.strip(), clock.instant());
    holds.place(hold);
    return hold;
  }

  public void release(String holdId) {
    if (holdId == null || holdId.isBlank()) {
      throw new ValidationException("name the hold to release by its id (listHolds shows them)");
    }
    if (holds.release(holdId).isEmpty()) {
      throw new NotFoundException("no legal hold has the id '" + holdId + "'; listHolds(ctx) shows the holds of a"
          + " collection");
    }
  }

  public List<Hold> list(RouteContext ctx) {
    return holds.holds(Objects.requireNonNull(ctx, "ctx"));
  }

  /** The holds in force on {@code ctx}, read once, for a pass over many of its items. */
  public Coverage coverage(RouteContext ctx) {
    return new Coverage(holds.holds(ctx));
  }

  /** Throws {@link LegalHoldException} when a hold covers item {@code id} of {@code ctx}. */
  public void refuseIfHeld(RouteContext ctx, String id, String what) {
    coverage(ctx).holding(id).ifPresent(hold -> {
      throw new LegalHoldException(what + " of item '" + id + "' is refused: " + hold.describe()
          + " covers it. Release the hold (releaseHold(\"" + hold.holdId() + "\")) only if the matter is closed",
          hold.holdId());
    });
  }

  /** The holds of one collection, as read at one moment. */
  public record Coverage(List<Hold> holds) {
    public Coverage {
      holds = List.copyOf(holds);
    }

    /** The first hold covering item {@code id}, if any. */
    public Optional<Hold> holding(String id) {
      return holds.stream().filter(h -> h.covers(id)).findFirst();
    }
  }
}
