package io.udm.app.archfixture;

/** Violates: a feature package of udm-app never uses the facade package io.udm.app above it. */
public class FeatureThatUsesTheFacade {
  public io.udm.app.UdmService udm;
}
