package io.udm.domain.retention;

import io.udm.api.config.VersionRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which versions of an item {@code retention.ver} lets go. A version is pruned when it is older
 * than {@code days} (its {@code at} is before {@code now - days}) or when more than {@code
 * maxPerItem} versions are newer than or equal to it; the newest version of an item is never
 * pruned, whatever its age. Versions only ever age, so what is pruned is always the oldest part of
 * the history: the versions that stay keep a gapless ov chain. Pure: the caller passes the time.
 */
public final class RetentionPolicy {
  private final OptionalInt days;
  private final OptionalInt maxPerItem;

  public RetentionPolicy(OptionalInt days, OptionalInt maxPerItem) {
    this.days = Objects.requireNonNull(days, "days");
    this.maxPerItem = Objects.requireNonNull(maxPerItem, "maxPerItem");
    days.ifPresent(d -> requirePositive(d, "days"));
    maxPerItem.ifPresent(m -> requirePositive(m, "maxPerItem"));
  }

  public static RetentionPolicy of(VersionRetention ver) {
    return new RetentionPolicy(ver.days(), ver.maxPerItem());
  }

  /** True when the policy keeps every version: nothing to scan for. */
  public boolean keepsEverything() {
    return days.isEmpty() && maxPerItem.isEmpty();
  }

  /** An item's version as retention sees it. */
  public record Stamp(long ov, Instant at) {
    public Stamp {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The ovs to prune among {@code versions} (one item's, any order), oldest first. A prefix of the
   * history by ov: if a version goes, every older one goes too, so no gap opens in the chain.
   */
  public List<Long> prunable(List<Stamp> versions, Instant now) {
    Objects.requireNonNull(now, "now");
    List<Stamp> byOv = new ArrayList<>(versions);
    byOv.sort(Comparator.comparingLong(Stamp::ov));
    int keepFromCount = byOv.size();
    if (maxPerItem.isPresent()) {
      keepFromCount = Math.min(keepFromCount, maxPerItem.getAsInt());
    }
    // Index of the first version kept by the count rule.
    int cut = byOv.size() - Math.max(1, keepFromCount);
    if (days.isPresent()) {
      Instant horizon = now.minus(Duration.ofDays(days.getAsInt()));
      // The newest version expired by age, and everything before it (never the newest of all).
      for (int i = byOv.size() - 2; i >= 0; i--) {
        if (byOv.get(i).at().isBefore(horizon)) {
          cut = Math.max(cut, i + 1);
          break;
        }
      }
    }
    cut = Math.min(cut, byOv.size() - 1);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < cut; i++) {
      out.add(byOv.get(i).ov());
    }
    return List.copyOf(out);
  }

  private static void requirePositive(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException("retention.ver." + what + " must be 1 or more, got " + value);
    }
  }

  @Override
  public String toString() {
    return "RetentionPolicy{days=" + days + ", maxPerItem=" + maxPerItem + "}";
  }
}
