package io.udm.bench.perf;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.bson.Document;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The least I/O a versioned write needs, done by hand with the drivers: S3 PUT of the payload,
 * insert of the version record, compare-and-set of the head (insert for a create), increment of the
 * collection version. A read is a head find by primary key plus an S3 GET. No validation, no
 * repair, no idempotency, no after-commit work: the floor UDM is measured against.
 */
final class RawStore implements AutoCloseable {
  private final MongoClient mongo;
  private final S3Client s3;
  private final String bucket;
  private final MongoCollection<Document> heads;
  private final MongoCollection<Document> versions;
  private final MongoCollection<Document> sequences;

  RawStore(String mongoUri, String s3Endpoint, String accessKey, String secretKey, String bucket, String db) {
    this.mongo = MongoClients.create(mongoUri);
    this.s3 = S3Client.builder()
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(s3Endpoint))
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .build();
    this.bucket = bucket;
    s3.createBucket(b -> b.bucket(bucket));
    var database = mongo.getDatabase(db);
    this.heads = database.getCollection("heads");
    this.versions = database.getCollection("versions");
    this.sequences = database.getCollection("sequences");
  }

  /** Writes version {@code ov} of {@code id} (1 = create). */
  long write(String collection, String id, long ov, String json) {
    String payloadKey = collection + "/" + id + "/" + ov + ".json";
    s3.putObject(b -> b.bucket(bucket).key(payloadKey).contentType("application/json"),
        RequestBody.fromBytes(json.getBytes(StandardCharsets.UTF_8)));
    Document cv = sequences.findOneAndUpdate(Filters.eq("_id", collection), Updates.inc("cv", 1L),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    long cvValue = cv.get("cv", Number.class).longValue();
    Date now = new Date();
    versions.insertOne(new Document("_id", collection + "/" + id + "/" + ov)
        .append("ov", ov).append("cv", cvValue).append("at", now).append("payload", payloadKey));
    Document head = new Document("_id", collection + "/" + id).append("ov", ov).append("cv", cvValue)
        .append("at", now).append("payload", payloadKey);
    if (ov == 1) {
      heads.insertOne(head);
    } else if (heads.findOneAndReplace(Filters.and(Filters.eq("_id", collection + "/" + id), Filters.eq("ov", ov - 1)),
        head) == null) {
      throw new IllegalStateException("lost the race on " + id);
    }
    return cvValue;
  }

  /** The latest version's JSON: head by primary key, then its payload. */
  String latest(String collection, String id) {
    Document head = heads.find(Filters.eq("_id", collection + "/" + id)).first();
    if (head == null) {
      return null;
    }
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(head.getString("payload"))).asUtf8String();
  }

  @Override
  public void close() {
    mongo.close();
    s3.close();
  }
}
