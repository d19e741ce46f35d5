package io.udm.adapter.s3;

import io.udm.api.config.SpacesConn;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the SDK's S3 client and presigner for one {@link SpacesConn}. */
final class S3ClientFactory {
  private S3ClientFactory() {}

  static S3Client client(SpacesConn conn, URI endpoint, S3Settings settings) {
    return client(conn, endpoint, settings, List.of());
  }

  /**
   * With {@code testInterceptors} after the settings' own: they let tests observe the requests of a
   * production-configured client.
   */
  static S3Client client(
      SpacesConn conn, URI endpoint, S3Settings settings, List<ExecutionInterceptor> testInterceptors) {
    List<ExecutionInterceptor> interceptors = new ArrayList<>(settings.executionInterceptors());
    interceptors.addAll(testInterceptors);
    boolean onlyWhenRequired = settings.checksumPolicy() == S3Settings.ChecksumPolicy.WHEN_REQUIRED;
    return S3Client.builder()
        // Named explicitly: the s3 artifact brings apache5-client at runtime, so with apache-client
        // two HTTP clients are on the classpath and the SDK refuses to pick. The SDK closes it.
        .httpClientBuilder(
            ApacheHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout())
                .maxConnections(settings.maxConnections()))
        .region(Region.of(conn.region()))
        .endpointOverride(endpoint)
        .forcePathStyle(conn.forcePathStyle())
        .credentialsProvider(credentials(conn))
        .requestChecksumCalculation(
            onlyWhenRequired
                ? RequestChecksumCalculation.WHEN_REQUIRED
                : RequestChecksumCalculation.WHEN_SUPPORTED)
        .responseChecksumValidation(
            onlyWhenRequired
                ? ResponseChecksumValidation.WHEN_REQUIRED
                : ResponseChecksumValidation.WHEN_SUPPORTED)
        .overrideConfiguration(
            o -> o.retryStrategy(b -> b.maxAttempts(settings.maxAttempts())).executionInterceptors(interceptors))
        // Since SDK 2.30 a request that needs a checksum (DeleteObjects) carries only a CRC32 header;
        // stores that require the Content-MD5 header S3 long asked for (MinIO before 2025 and other
        // S3-compatible stores) refuse it with 400 "Missing required header ... Content-Md5".
        .addPlugin(LegacyMd5Plugin.create())
        .build();
  }

  /** Signs locally; it sends no request, so it needs no HTTP client. */
  static S3Presigner presigner(SpacesConn conn, URI endpoint) {
    return S3Presigner.builder()
        .region(Region.of(conn.region()))
        .endpointOverride(endpoint)
        .credentialsProvider(credentials(conn))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(conn.forcePathStyle()).build())
        .build();
  }

  private static StaticCredentialsProvider credentials(SpacesConn conn) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(conn.accessKey(), conn.secretKey()));
  }
}
