package io.udm.api.archfixture;

/** Violates: ports may use only the JDK, Jackson, Vavr and Immutables. */
public class PortThatUsesMongo {
  public com.mongodb.client.MongoClient client;
}
