package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A rebalance moves data between backend pairs, so it must be confirmed; {@code maxCollections}
 * bounds one run (the rest is moved by the next run).
 */
@Value.Immutable
@UdmStyle
public abstract class RebalanceOptions {
  @Value.Default
  public boolean confirm() {
    return false;
  }

  /** At most this many collections are moved by this run. */
  @Value.Default
  public int maxCollections() {
    return Integer.MAX_VALUE;
  }

  /**
   * Only this tenant's collections move, and only their former copies are removed; every tenant's
   * when empty. Lets a large rebalance go tenant by tenant.
   */
  public abstract Optional<String> tenantId();

  @Value.Default
  public RebalanceListener listener() {
    return RebalanceListener.NONE;
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (maxCollections() < 1) {
      problems.add("maxCollections must be 1 or more, got " + maxCollections());
    }
    tenantId().flatMap(Names::tenantIdProblem).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  public static RebalanceOptions confirmed() {
    return builder().confirm(true).build();
  }

  public static ImmutableRebalanceOptions.Builder builder() {
    return ImmutableRebalanceOptions.builder();
  }
}
