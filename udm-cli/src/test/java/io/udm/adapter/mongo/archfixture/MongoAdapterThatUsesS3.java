package io.udm.adapter.mongo.archfixture;

/** Violates: the Mongo adapter uses its own driver only. */
public class MongoAdapterThatUsesS3 {
  public software.amazon.awssdk.services.s3.S3Client s3;
}
