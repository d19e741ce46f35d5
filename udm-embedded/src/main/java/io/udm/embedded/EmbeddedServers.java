package io.udm.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * Real MongoDB-protocol and S3-protocol servers inside this JVM, on loopback ports: one pair per
 * backend. Transient ones back the end-to-end tests; persistent ones (an H2 file per MongoDB, a
 * directory per object store) back the CLI's local mode. The real adapters talk to them over
 * sockets, exactly as they would to production servers.
 */
public final class EmbeddedServers implements AutoCloseable {
  /** Loopback-only credentials of the embedded object stores. */
  static final String ACCESS_KEY = "udm-local";
  static final String SECRET_KEY = "udm-local-secret";

  private final List<MongoServer> mongos = new ArrayList<>();
  private final List<S3Proxy> s3s = new ArrayList<>();
  private final List<org.gaul.s3proxy.blobstore.BlobStore> blobStores = new ArrayList<>();
  /** Each pair's S3 port, kept because a stopped S3Proxy no longer reports it. */
  private final List<Integer> s3Ports = new ArrayList<>();

  private EmbeddedServers() {}

  /** {@code pairs} backend pairs that forget everything when closed. */
  public static EmbeddedServers transientPairs(int pairs) {
    EmbeddedServers servers = new EmbeddedServers();
    try {
      for (int i = 0; i < pairs; i++) {
        servers.startPair(new MemoryBackend(), BlobStores.create("transient", new Properties()), null);
      }
      return servers;
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
  }

  /**
   * One backend pair keeping its data under {@code dataDir} across restarts. The pair listens on the
   * same two loopback ports every time (chosen on first use and kept in {@code dataDir/ports.properties}):
   * UDM derives a backend's id from its endpoints and records which backend holds each collection,
   * so endpoints that changed between runs would look like a moved backend.
   */
  public static EmbeddedServers persistent(Path dataDir) {
    EmbeddedServers servers = new EmbeddedServers();
    try {
      Path blobs = dataDir.resolve("objects");
      Files.createDirectories(blobs);
      Properties props = new Properties();
      props.setProperty("jclouds.filesystem.basedir", blobs.toAbsolutePath().toString());
      LocalPorts ports = LocalPorts.load(dataDir);
      servers.startPair(new H2Backend(dataDir.resolve("mongo.mv").toAbsolutePath().toString()),
          BlobStores.create("filesystem", props), ports);
      ports.saveIfNew();
      return servers;
    } catch (IOException e) {
      servers.close();
      throw new IllegalStateException("cannot create the local data directory " + dataDir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
  }

  public int pairs() {
    return mongos.size();
  }

  public String mongoUri(int pair) {
    InetSocketAddress address = mongos.get(pair).getLocalAddress();
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  public String s3Endpoint(int pair) {
    return "http://127.0.0.1:" + s3s.get(pair).getPort();
  }

  /** A connection to pair {@code pair}'s object store with buckets named after {@code bucketPrefix}. */
  public SpacesConn spacesConn(int pair, String bucketPrefix) {
    return spacesConn(s3Endpoint(pair), bucketPrefix);
  }

  /**
   * {@code base} pointed at one pair of embedded servers that another process runs on these loopback
   * ports (a running {@code udm serve}).
   */
  public static UdmConfig configForPorts(UdmConfig base, String bucketPrefix, int mongoPort, int s3Port) {
    return UdmConfig.builder().from(base).mongoUris(List.of("mongodb://127.0.0.1:" + mongoPort))
        .spacesConns(List.of(spacesConn("http://127.0.0.1:" + s3Port, bucketPrefix))).build();
  }

  private static SpacesConn spacesConn(String endpoint, String bucketPrefix) {
    return SpacesConn.builder()
        .endpoint(endpoint)
        .region("us-east-1")
        .accessKey(ACCESS_KEY)
        .secretKey(SECRET_KEY)
        .jsonBucket(bucketPrefix + "-json")
        .contentBucket(bucketPrefix + "-content")
        .backupsBucket(bucketPrefix + "-backups")
        .forcePathStyle(true)
        .build();
  }

  /** {@code base} pointed at these servers: every pair, buckets named after {@code bucketPrefix}. */
  public UdmConfig configFor(UdmConfig base, String bucketPrefix) {
    List<String> uris = new ArrayList<>();
    List<SpacesConn> conns = new ArrayList<>();
    for (int i = 0; i < pairs(); i++) {
      uris.add(mongoUri(i));
      conns.add(spacesConn(i, bucketPrefix));
    }
    return UdmConfig.builder().from(base).mongoUris(uris).spacesConns(conns).build();
  }

  /** Stops pair {@code pair}'s servers, as if that backend went down. */
  public void stopPair(int pair) {
    mongos.get(pair).shutdownNow();
    stopQuietly(s3s.get(pair));
  }

  /** Stops pair {@code pair}'s object store only (its data stays, to be served again by {@link #restartObjectStore}). */
  public void stopObjectStore(int pair) {
    stopQuietly(s3s.get(pair));
  }

  /** Serves pair {@code pair}'s objects again on the port it had, as a restarted server would. */
  public void restartObjectStore(int pair) {
    s3s.set(pair, startS3(blobStores.get(pair), s3Ports.get(pair), null));
  }

  @Override
  public void close() {
    mongos.forEach(MongoServer::shutdownNow);
    s3s.forEach(EmbeddedServers::stopQuietly);
  }

  /** Starts a pair on {@code ports}, or on any free ports when null. */
  private void startPair(MongoBackend mongoBackend, org.gaul.s3proxy.blobstore.BlobStore blobStore, LocalPorts ports) {
    MongoServer mongo = new MongoServer(mongoBackend);
    mongos.add(mongo);
    try {
      mongo.bind("127.0.0.1", ports == null ? 0 : ports.mongo());
    } catch (RuntimeException e) {
      throw ports == null ? e : ports.inUse("MongoDB", ports.mongo(), e);
    }
    blobStores.add(blobStore);
    S3Proxy s3 = startS3(blobStore, ports == null ? 0 : ports.s3(), ports);
    s3s.add(s3);
    s3Ports.add(s3.getPort());
  }

  private static S3Proxy startS3(org.gaul.s3proxy.blobstore.BlobStore blobStore, int port, LocalPorts ports) {
    S3Proxy s3 = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .ignoreUnknownHeaders(true)
        .stopTimeout(0)
        .build();
    try {
      s3.start();
      while (!"STARTED".equals(s3.getState())) {
        if ("FAILED".equals(s3.getState())) {
          throw new IllegalStateException("it failed to start");
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the embedded S3 server", e);
    } catch (Exception e) {
      if (ports != null) {
        throw ports.inUse("S3", ports.s3(), e);
      }
      throw new IllegalStateException("the embedded S3 server did not start: " + e.getMessage(), e);
    }
    return s3;
  }

  private static void stopQuietly(S3Proxy s3) {
    try {
      s3.stop();
    } catch (Exception e) {
      // Stopping is best effort: the JVM is usually about to exit.
    }
  }
}
