package io.udm.app.write;

import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The collections this process has seen marked as having had a hard delete (each cv draw says so).
 * A write to one of them reads its head's version record before it plans, as only a hard delete
 * leaves heads that point at nothing; elsewhere the head alone is enough. The mark never goes, so
 * neither does an entry here.
 */
final class HardDeleteMarks {
  private record Marked(String backendId, RouteContext collection) {}

  private final Set<Marked> seen = ConcurrentHashMap.newKeySet();

  boolean known(BackendPorts backend, RouteContext collection) {
    return seen.contains(new Marked(backend.backendId(), collection));
  }

  void note(BackendPorts backend, RouteContext collection) {
    seen.add(new Marked(backend.backendId(), collection));
  }
}
