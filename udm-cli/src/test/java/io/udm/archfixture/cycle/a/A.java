package io.udm.archfixture.cycle.a;

/** With {@code B}, a package cycle. */
public class A {
  public io.udm.archfixture.cycle.b.B b;
}
