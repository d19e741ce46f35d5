package io.udm.app.archfixture;

import io.udm.adapter.memory.InMemoryBlobAdapter;

/** Violates: use cases work on ports, never on a concrete adapter. */
public class AppThatUsesAnAdapter {
  public InMemoryBlobAdapter blobs = new InMemoryBlobAdapter();
}
