package io.udm.adapter.mongo.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The port contracts on the Mongo adapters over a real MongoDB replica set (shared by the test JVM),
 * and then every query shape they sent, explained: each winning plan reads an index and none scans
 * its collection, except the scans docs/mongodb-queries.md states. The in-JVM server ignores most
 * indexes and has no explain, so only a real server can tell. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerContractsTest extends MongoContracts {
  /** The scans docs/mongodb-queries.md names, each with why it is one. */
  private static final List<KnownScan> KNOWN_SCANS = List.of(
      new KnownScan("the counters sweep's query for counters that remember applied work (no index: NO INDEX row)",
          shape -> shape.startsWith("find counters ") && shape.contains("\"fx\": {\"$exists\"")),
      new KnownScan("a count of a whole queue or dead-letter collection (countDocuments {})",
          shape -> (shape.startsWith("aggregate retry_queue") || shape.startsWith("aggregate dead_letters"))
              && shape.contains("{\"$match\": {}}")));

  private record KnownScan(String why, Predicate<String> matches) {}

  @Override
  protected String startServer() {
    return SharedMongoContainer.replicaSetUrl();
  }

  @Override
  protected void stopServer() {
    // The shared container stops when the JVM exits.
  }

  /** The counterpart of the in-JVM server being seen to lack transactions ({@code MongoStorageTest}). */
  @Test
  void aReplicaSetIsSeenToRunTransactions() {
    assertThat(storage().supportsTransactions()).isTrue();
    assertThat(counters().supportsTransactions()).isTrue();
  }

  /** After every contract of the class has run (nested classes included), so every shape has been heard. */
  @AfterAll
  void everyQueryTheContractsSentReadsAnIndex() {
    List<QueryShapes.Statement> examples = heard().examples();
    assertThat(examples).as("query shapes heard").isNotEmpty();
    List<String> scans = new ArrayList<>();
    try (MongoClient client = MongoClients.create(SharedMongoContainer.replicaSetUrl())) {
      for (QueryShapes.Statement statement : examples) {
        BsonDocument explain = client.getDatabase(statement.database()).runCommand(
            new BsonDocument("explain", statement.command()).append("verbosity", new BsonString("queryPlanner")),
            BsonDocument.class);
        List<String> stages = WinningPlans.stages(explain);
        if (WinningPlans.noCollection(stages) || WinningPlans.usesAnIndex(stages)) {
          continue;
        }
        KNOWN_SCANS.stream().filter(scan -> scan.matches().test(statement.shape())).findFirst().ifPresentOrElse(
            scan -> System.out.println("a known scan, " + scan.why() + ": " + statement.shape()),
            () -> scans.add(statement.shape() + " -> " + stages));
      }
    }
    assertThat(scans).as("query shapes whose winning plan reads no index (of %d shapes)", examples.size())
        .isEmpty();
  }
}
