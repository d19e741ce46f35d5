package io.udm.app.cyclefixtureb;

/** With {@code FeatureA}, a cycle between two feature packages of udm-app. */
public class FeatureB {
  public io.udm.app.cyclefixturea.FeatureA a;
}
