package io.udm.archfixture.cycle.b;

/** With {@code A}, a package cycle. */
public class B {
  public io.udm.archfixture.cycle.a.A a;
}
