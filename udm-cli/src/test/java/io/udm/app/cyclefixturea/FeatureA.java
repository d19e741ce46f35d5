package io.udm.app.cyclefixturea;

/** With {@code FeatureB}, a cycle between two feature packages of udm-app. */
public class FeatureA {
  public io.udm.app.cyclefixtureb.FeatureB b;
}
