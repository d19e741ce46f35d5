package io.udm.spi;

import io.udm.api.RouteContext;
import java.util.Optional;
import java.util.Set;

/**
 * Which indexed properties of each collection are complete: every item's head carries its value
 * (or knows it has none). A property added to {@code indexedProps} is incomplete until a reindex
 * backfills it; listings refuse to filter or sort on an incomplete property rather than answer from
 * part of the items. Kept in the shared store, beside placements, so a moved collection keeps it.
 */
public interface IndexStates {
  /** The properties recorded complete; empty when the collection has no record yet. */
  Optional<Set<String>> complete(RouteContext collection);

  /** Records {@code props} as complete unless a record exists; returns the record in force. */
  Set<String> initialize(RouteContext collection, Set<String> props);

  /** Adds {@code prop} to the complete properties (creating the record if needed). */
  void markComplete(RouteContext collection, String prop);

  /** Removes {@code props} from the complete properties (a record without them stays). */
  void markIncomplete(RouteContext collection, Set<String> props);
}
