package io.udm.adapter.s3;

import io.udm.api.config.SpacesConn;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * An S3 API server in this JVM on a free loopback port, holding objects in memory. Its store is
 * wrapped in {@link FileAndFolderKeys}, so that, as in S3, a key may also be the "folder" of others.
 */
final class S3ProxyServer implements AutoCloseable {
  static final String ACCESS_KEY = "udm-test-access";
  static final String SECRET_KEY = "udm-test-secret";
  static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final String endpoint;
  private final String accessKey;
  private final String secretKey;
  private boolean running;

  private S3ProxyServer(S3Proxy proxy, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.endpoint = "http://127.0.0.1:" + proxy.getPort();
    this.running = true;
  }

  static S3ProxyServer start() {
    return start(ACCESS_KEY, SECRET_KEY);
  }

  /** A server that accepts only the given credentials. */
  static S3ProxyServer start(String accessKey, String secretKey) {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FileAndFolderKeys(BlobStores.create("transient", new Properties())))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .ignoreUnknownHeaders(true)
            .stopTimeout(0)
            .build();
    try {
      proxy.start();
      // start() returns before Jetty listens; poll the state, not the clock.
      while (!"STARTED".equals(proxy.getState())) {
        Thread.onSpinWait();
        Thread.sleep(5);
      }
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
    return new S3ProxyServer(proxy, accessKey, secretKey);
  }

  String endpoint() {
    return endpoint;
  }

  /** A connection to this server whose three buckets are unique to the caller. */
  SpacesConn conn(String bucketPrefix) {
    String unique = uniqueBucketPrefix(bucketPrefix);
    return conn(unique + "-json", unique + "-content", unique + "-backups", accessKey, secretKey);
  }

  SpacesConn conn(String jsonBucket, String contentBucket, String backupsBucket, String accessKey, String secretKey) {
    return SpacesConn.builder()
        .endpoint(endpoint)
        .region(REGION)
        .accessKey(accessKey)
        .secretKey(secretKey)
        .jsonBucket(jsonBucket)
        .contentBucket(contentBucket)
        .backupsBucket(backupsBucket)
        .forcePathStyle(true)
        .build();
  }

  static String uniqueBucketPrefix(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  void stop() {
    if (!running) {
      return;
    }
    running = false;
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
