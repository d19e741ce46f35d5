package io.udm.adapter.s3;

import io.udm.api.config.Redaction;
import io.udm.api.config.SpacesConn;
import io.udm.api.error.StorageException;
import io.udm.spi.BlobStore;
import io.udm.spi.HealthProbe;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The object storage of one backend: owns the SDK clients built from a {@link SpacesConn}, checks
 * the buckets at start, and hands out the port adapters. Close it to release the connections.
 */
public final class S3Storage implements AutoCloseable {
  private final String endpoint;
  private final S3Buckets buckets;
  private final S3Client s3;
  private final S3Presigner presigner;
  private final S3BlobAdapter blobs;
  private final S3HealthAdapter health;

  private S3Storage(String endpoint, S3Buckets buckets, S3Client s3, S3Presigner presigner, S3Failures failures) {
    this.endpoint = endpoint;
    this.buckets = buckets;
    this.s3 = s3;
    this.presigner = presigner;
    this.blobs = new S3BlobAdapter(s3, presigner, buckets, failures);
    this.health = new S3HealthAdapter(s3, buckets, failures);
  }

  /**
   * Connects and checks that the three buckets exist (creating them when {@link
   * S3Settings#createBucketsIfMissing()}).
   *
   * @throws StorageException naming the endpoint and any missing bucket; transient when the store
   *     could not be reached
   */
  public static S3Storage open(SpacesConn conn, S3Settings settings) {
    Objects.requireNonNull(conn, "conn");
    Objects.requireNonNull(settings, "settings");
    String endpoint = Redaction.mongoUri(conn.endpoint()); // strips user:password@ of any URI
    URI endpointUri = parseEndpoint(conn.endpoint(), endpoint);
    S3Buckets buckets = S3Buckets.of(conn);
    S3Failures failures = new S3Failures(endpoint, new CredentialScrubber(conn.accessKey(), conn.secretKey()));
    S3Client s3 = null;
    S3Presigner presigner = null;
    try {
      s3 = S3ClientFactory.client(conn, endpointUri, settings);
      presigner = S3ClientFactory.presigner(conn, endpointUri);
      new BucketProvisioner(s3, failures, conn.region()).ensureBuckets(buckets, settings.createBucketsIfMissing());
      return new S3Storage(endpoint, buckets, s3, presigner, failures);
    } catch (RuntimeException e) {
      closeQuietly(presigner);
      closeQuietly(s3);
      throw e instanceof SdkException sdk ? failures.translate("client setup", null, null, sdk) : e;
    }
  }

  public BlobStore blobs() {
    return blobs;
  }

  public HealthProbe health() {
    return health;
  }

  /** The endpoint with any user info removed, as it appears in messages. */
  public String endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    closeQuietly(presigner);
    closeQuietly(s3);
  }

  @Override
  public String toString() {
    return "S3Storage[endpoint=" + endpoint + ", buckets=" + buckets + "]";
  }

  private static URI parseEndpoint(String raw, String redacted) {
    try {
      URI uri = URI.create(raw);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new StorageException(
          "S3 endpoint '"
              + redacted
              + "' is not a valid URL: set spacesConns endpoint to a full URL such as"
              + " https://nyc3.digitaloceanspaces.com or http://127.0.0.1:9000",
          false);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing releases local resources only; nothing useful to report to the caller.
    }
  }
}
