package io.udm.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import io.udm.spi.HealthProbe;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/** Pings the MongoDB; a failure is a {@link io.udm.api.error.StorageException} naming the redacted endpoint. */
public final class MongoHealthAdapter implements HealthProbe {
  private final MongoDatabase database;
  private final MongoErrors errors;

  MongoHealthAdapter(MongoDatabase database, MongoErrors errors) {
    this.database = database;
    this.errors = errors;
  }

  @Override
  public void ping() {
    errors.run("answer a ping", () -> database.runCommand(new BsonDocument("ping", new BsonInt32(1))));
  }
}
