package io.udm.http;

import java.util.Set;

/** Who made a request, as its API key says: a name for logs, and what it may reach. */
record Caller(String name, Set<String> tenants, boolean admin) {
  /** Local use (no keys configured): every tenant and resource, on a loopback address only. */
  static final Caller LOCAL = new Caller("local", Set.of(), true);

  Caller {
    tenants = Set.copyOf(tenants);
  }

  boolean reaches(String tenant) {
    return admin || tenants.contains(tenant);
  }
}
