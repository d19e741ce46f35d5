package io.udm.app.archfixture;

import java.util.Random;
import java.util.UUID;

/** Violates: use cases get ids and randomness from injected ports. */
public class AppThatMakesItsOwnIds {
  public String id() {
    return UUID.randomUUID() + "-" + new Random().nextInt() + "-" + System.currentTimeMillis();
  }
}
