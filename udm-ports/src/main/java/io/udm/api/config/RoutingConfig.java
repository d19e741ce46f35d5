package io.udm.api.config;

import java.util.List;
import org.immutables.value.Value;

/**
 * How collections are spread over backend pairs.
 *
 * <p>Placement is per collection: a whole collection lives on one backend pair, so lists,
 * restores and counters stay on one store. The original config's {@code chooseKey} ends in {@value
 * #IGNORED_OBJECT_ID_SUFFIX} ({@code tenantId|dbName|collection:objectId}); that suffix is
 * accepted for compatibility and ignored, so it never changes where anything goes.
 */
@Value.Immutable
public abstract class RoutingConfig {
  public static final String RENDEZVOUS = "rendezvous";
  public static final String DEFAULT_CHOOSE_KEY = "tenantId|dbName|collection";
  /** Ends the original config's chooseKey; accepted and ignored because placement is per collection. */
  public static final String IGNORED_OBJECT_ID_SUFFIX = ":objectId";

  /** Only {@code rendezvous} (highest random weight) is supported. */
  @Value.Default
  public String hashAlgo() {
    return RENDEZVOUS;
  }

  /**
   * {@code |}-separated parts of the routing key, from tenantId, dbName, collection; may end in
   * {@value #IGNORED_OBJECT_ID_SUFFIX}, which is ignored (see the class comment).
   */
  @Value.Default
  public String chooseKey() {
    return DEFAULT_CHOOSE_KEY;
  }

  /**
   * The parts the routing key is built from, in order: {@link #chooseKey()} split at {@code |},
   * without the ignored {@value #IGNORED_OBJECT_ID_SUFFIX}. Not checked; {@code ""} stands for an
   * empty part.
   */
  public List<String> keyParts() {
    String key = chooseKey();
    if (key.endsWith(IGNORED_OBJECT_ID_SUFFIX)) {
      key = key.substring(0, key.length() - IGNORED_OBJECT_ID_SUFFIX.length());
    }
    return List.of(key.split("\\|", -1));
  }

  /**
   * Backend ids (as {@code udm health} shows them) of pairs being emptied: they stay connected and
   * serve the collections placed on them, get no new collections, and {@code rebalance} moves
   * their collections to the other pairs.
   */
  public abstract List<String> drain();

  public static ImmutableRoutingConfig.Builder builder() {
    return ImmutableRoutingConfig.builder();
  }
}
