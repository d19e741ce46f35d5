package io.udm.adapter.mongo.contract;

import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One real MongoDB (a single-node replica set in Docker) for every {@code MongoContainer*} test class
 * of the test JVM: started by the first class that asks, stopped when the JVM exits. Only classes
 * annotated {@code @Testcontainers(disabledWithoutDocker = true)} ask, so without Docker nothing
 * starts and those classes are reported as skipped.
 *
 * <p>Unlike Testcontainers 1.x's class of the same name, {@code
 * org.testcontainers.mongodb.MongoDBContainer} runs a standalone server unless asked for a replica
 * set; UDM wants the replica set, the deployment that runs transactions.
 */
final class SharedMongoContainer {
  static final String IMAGE = "mongo:7.0";

  private static MongoDBContainer container;

  private SharedMongoContainer() {}

  /** The connection string of the running replica set, starting it on first use. */
  static synchronized String replicaSetUrl() {
    if (container == null) {
      MongoDBContainer started = new MongoDBContainer(IMAGE).withReplicaSet();
      started.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-" + IMAGE));
      container = started;
    }
    return container.getReplicaSetUrl();
  }
}
