package io.udm.bench.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import org.javers.core.Javers;
import org.javers.core.JaversBuilder;
import org.javers.core.metamodel.annotation.Id;
import org.javers.repository.jql.QueryBuilder;
import org.javers.repository.mongo.MongoRepository;

/** Javers (javers-core + javers-persistence-mongo) on the same MongoDB server: the peer. */
final class JaversContender implements AutoCloseable {
  private final MongoClient client;
  private final Javers javers;

  JaversContender(String mongoUri) {
    this.client = MongoClients.create(mongoUri);
    this.javers = JaversBuilder.javers().registerJaversRepository(new MongoRepository(client.getDatabase("javers")))
        .build();
  }

  /** The benchmark document as a Javers entity (Javers audits typed objects, not JSON trees). */
  public static final class Doc {
    @Id String id;
    String email;
    String status;
    String createdAt;
    long score;
    String street;
    String city;
    String zip;
    List<String> tags;
    String notes;

    Doc() {}

    Doc(String id, ObjectNode json) {
      this.id = id;
      this.email = json.path("email").asText();
      this.status = json.path("status").asText();
      this.createdAt = json.path("createdAt").asText();
      this.score = json.path("score").asLong();
      this.street = json.path("address").path("street").asText();
      this.city = json.path("address").path("city").asText();
      this.zip = json.path("address").path("zip").asText();
      this.tags = new ArrayList<>();
      for (JsonNode tag : json.path("tags")) {
        tags.add(tag.asText());
      }
      this.notes = json.path("notes").asText();
    }
  }

  void commit(String id, ObjectNode json) {
    javers.commit("bench", new Doc(id, json));
  }

  void latest(String id) {
    javers.getLatestSnapshot(id, Doc.class).orElseThrow();
  }

  int history(String id, int limit) {
    return javers.findSnapshots(QueryBuilder.byInstanceId(id, Doc.class).limit(limit).build()).size();
  }

  @Override
  public void close() {
    client.close();
  }
}
