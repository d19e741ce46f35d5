package io.udm.bootstrap.wiring;

import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * MongoDB + S3 backend pairs in Docker for every container test class of the test JVM: one
 * single-node MongoDB replica set per pair (the deployment production runs, with sessions and
 * transactions) and one MinIO holding every pair's buckets. Started as classes first ask for them
 * (a class asking for more pairs than run starts the missing ones), stopped when the JVM exits.
 * Only the container test classes ask, and JUnit skips them (reported) unless {@code
 * -Dudm.containers=true} is given and Docker is available ({@code @Testcontainers(disabledWithoutDocker
 * = true)}): otherwise nothing starts.
 *
 * <p>The classes share the stores as the tests of one class do: each keeps to tenants of its own.
 * Pair {@code i} is the same in every class (its MongoDB, its buckets), so the backend id it
 * records in its MongoDB on first use is the one every class derives for it.
 */
final class ContainerServers {
  /** As the Mongo adapter's container suites. */
  static final String MONGO_IMAGE = "mongo:7.0";
  /** As the S3 adapter's container suite. */
  static final String MINIO_IMAGE = "minio/minio:RELEASE.2024-01-16T16-07-38Z";
  /** MinIO's default, as the S3 adapter signs for it. */
  private static final String REGION = "us-east-1";
  private static final String BUCKETS = "udm-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Duration START_LIMIT = Duration.ofMinutes(10);

  private static final List<MongoDBContainer> MONGOS = new ArrayList<>();
  private static MinIOContainer minio;

  private ContainerServers() {}

  /** The first {@code pairs} pairs, started if they are not running yet; the class leaves them running. */
  static synchronized MongoS3Stores.Servers pairs(int pairs) {
    List<Startable> starting = new ArrayList<>();
    MinIOContainer newMinio = minio == null ? new MinIOContainer(MINIO_IMAGE) : null;
    if (newMinio != null) {
      starting.add(newMinio);
    }
    List<MongoDBContainer> newMongos = new ArrayList<>();
    for (int i = MONGOS.size(); i < pairs; i++) {
      newMongos.add(new MongoDBContainer(MONGO_IMAGE).withReplicaSet());
    }
    starting.addAll(newMongos);
    if (!starting.isEmpty()) {
      try {
        // Bounded, image pulls included: a first run on a slow network may need the images pulled first.
        Startables.deepStart(starting).get(START_LIMIT.toMinutes(), TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException e) {
        starting.forEach(ContainerServers::stopQuietly);
        throw new IllegalStateException("the MongoDB and MinIO containers did not start (in "
            + START_LIMIT.toMinutes() + " minutes at most): " + (e.getCause() == null ? e : e.getCause()), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        starting.forEach(ContainerServers::stopQuietly);
        throw new IllegalStateException("interrupted while the containers started", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> starting.forEach(ContainerServers::stopQuietly),
          "stop-udm-containers"));
      if (newMinio != null) {
        minio = newMinio;
      }
      MONGOS.addAll(newMongos);
    }
    return new MongoS3Stores.Servers(config(pairs), () -> {
      // Shared with the JVM's other container classes: they stop when it exits.
    });
  }

  private static UdmConfig config(int pairs) {
    List<String> uris = new ArrayList<>();
    List<SpacesConn> conns = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      uris.add(MONGOS.get(i).getReplicaSetUrl());
      String buckets = BUCKETS + "-p" + i;
      conns.add(SpacesConn.builder()
          .endpoint(minio.getS3URL())
          .region(REGION)
          .accessKey(minio.getUserName())
          .secretKey(minio.getPassword())
          .jsonBucket(buckets + "-json")
          .contentBucket(buckets + "-content")
          .backupsBucket(buckets + "-backups")
          .forcePathStyle(true)
          .build());
    }
    return UdmConfig.builder().mongoUris(uris).spacesConns(conns).build();
  }

  private static void stopQuietly(Startable container) {
    try {
      container.stop();
    } catch (RuntimeException e) {
      // Stopping is best effort: Testcontainers' reaper removes what is left when the JVM exits.
    }
  }
}
