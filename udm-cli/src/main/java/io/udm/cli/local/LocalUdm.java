package io.udm.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.StorageException;
import io.udm.api.error.UdmException;
import io.udm.api.error.ValidationException;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.embedded.EmbeddedServers;
import io.udm.embedded.LocalPorts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The CLI's local mode: the real MongoDB and S3 adapters against a MongoDB-protocol server and an
 * S3 server running in this JVM, keeping their data under one directory ({@code ./udm-data} by
 * default) so that one process sees what the previous one wrote.
 *
 * <p>The directory holds {@code mongo.mv} (MongoDB data in an H2 file), {@code objects/} (the
 * buckets), a {@code .lock} file that keeps two processes from opening it at once, and optionally
 * {@code udm-local.json}, {@code udm-local.yaml} or {@code udm-local.yml}: a normal UDM config
 * without connection settings ({@code collectionMaps}, {@code counterRules}, {@code retention}...),
 * since local mode supplies the servers itself.
 *
 * <p>{@link #close()} closes UDM, stops both servers (which closes the H2 file) and releases the
 * lock, so the next process can open the directory right away.
 */
public final class LocalUdm implements AutoCloseable {
  /** Names of the optional settings file in the data directory, in the order they are looked for. */
  public static final List<String> SETTINGS_FILES = List.of("udm-local.json", "udm-local.yaml", "udm-local.yml");
  /** Bucket names in local mode start with this. */
  public static final String BUCKET_PREFIX = "udm-local";

  private final Path dataDir;
  private final Optional<Path> settingsFile;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final EmbeddedServers servers;
  private final UdmConfig config;
  private final Supplier<Udm> openUdm;
  private final Optional<ServeClient> served;
  private Udm udm;
  private boolean advertised;
  private boolean closed;

  private LocalUdm(Path dataDir, Optional<Path> settingsFile, FileChannel lockChannel, FileLock lock,
      EmbeddedServers servers, UdmConfig config, Udm udm) {
    this(dataDir, settingsFile, lockChannel, lock, servers, config, () -> udm, Optional.empty());
    this.udm = udm;
  }

  private LocalUdm(Path dataDir, Optional<Path> settingsFile, FileChannel lockChannel, FileLock lock,
      EmbeddedServers servers, UdmConfig config, Supplier<Udm> openUdm, Optional<ServeClient> served) {
    this.dataDir = dataDir;
    this.settingsFile = settingsFile;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.servers = servers;
    this.config = config;
    this.openUdm = openUdm;
    this.served = served;
  }

  /** Opens (creating it when missing) the local data directory, reading {@code ${VAR}}s from the environment. */
  public static LocalUdm open(Path dataDir) {
    return open(dataDir, System::getenv);
  }

  /** {@link #open(Path)} with the environment {@code ${VAR}}s in the settings file are read from. */
  public static LocalUdm open(Path dataDir, Function<String, String> env) {
    return open(dataDir, env, UdmOptions.defaults());
  }

  /** As {@link #open(Path)}, with options (metrics) for the UDM it builds. */
  public static LocalUdm open(Path dataDir, UdmOptions options) {
    return open(dataDir, System::getenv, options);
  }

  /** As {@link #open(Path, Function)}, with options (metrics) for the UDM it builds. */
  public static LocalUdm open(Path dataDir, Function<String, String> env, UdmOptions options) {
    Path dir = dataDir.toAbsolutePath().normalize();
    // Settings first: a broken settings file is reported before anything starts.
    Optional<Path> settingsFile = settingsFile(dir);
    UdmConfig base = settingsFile.map(f -> loadSettings(f, env)).orElseGet(() -> UdmConfig.builder().build());
    createDirectories(dir);
    FileChannel channel = null;
    FileLock lock = null;
    EmbeddedServers servers = null;
    try {
      channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        return attachToServe(dir, settingsFile, base, options);
      }
      servers = startServers(dir);
      UdmConfig config = servers.configFor(base, BUCKET_PREFIX);
      Udm udm = Udms.create(config, ConnectOptions.defaults().withCreateBucketsIfMissing(true), options);
      return new LocalUdm(dir, settingsFile, channel, lock, servers, config, udm);
    } catch (IOException e) {
      release(servers, lock, channel);
      throw new StorageException("cannot open the lock file of the local data directory " + dir + " ("
          + e.getClass().getSimpleName() + "); check that the directory is writable", false);
    } catch (RuntimeException e) {
      release(servers, lock, channel);
      throw e;
    }
  }

  /** The settings file of {@code dataDir}, if it has one; more than one is an error. */
  public static Optional<Path> settingsFile(Path dataDir) {
    List<Path> found = new ArrayList<>();
    for (String name : SETTINGS_FILES) {
      Path candidate = dataDir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        found.add(candidate);
      }
    }
    if (found.size() > 1) {
      throw new ValidationException("the local data directory " + dataDir + " holds more than one settings file "
          + found.stream().map(p -> p.getFileName().toString()).toList() + "; keep one of them");
    }
    return found.stream().findFirst();
  }

  /** This process's UDM; beside a running {@code udm serve}, opened on first use. */
  public synchronized Udm udm() {
    if (closed) {
      throw new IllegalStateException("the local data directory " + dataDir + " was closed");
    }
    if (udm == null) {
      udm = openUdm.get();
    }
    return udm;
  }

  /**
   * The item operations of {@code ctx}. Beside a running {@code udm serve} that asks for no API
   * keys, the serve answers them over HTTP, which spares this process starting the MongoDB and S3
   * clients (what the HTTP API cannot express still goes through {@link #udm()}).
   */
  public ItemOps items(RouteContext ctx) {
    return served.<ItemOps>map(client -> new ServedItemOps(client, ctx, () -> udm().with(ctx)))
        .orElseGet(() -> udm().with(ctx));
  }

  /** The absolute data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** The settings file read at start, if there was one. */
  public Optional<Path> settings() {
    return settingsFile;
  }

  /** Closes UDM, stops the servers and releases the directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (advertised) {
        ServeAdvert.removeOwn(dataDir);
      }
      if (udm != null) {
        udm.close();
      }
    } finally {
      release(servers, lock, lockChannel);
    }
  }

  private static UdmConfig loadSettings(Path file, Function<String, String> env) {
    List<String> servers = serverSettings(file);
    if (!servers.isEmpty()) {
      throw new ValidationException("the local settings file " + file + " sets " + String.join(", ", servers)
          + "; local mode runs its own MongoDB and S3 servers, so remove "
          + (servers.size() == 1 ? "it" : "them") + ", or put the file elsewhere and run udm --config FILE"
          + " to use the servers it names");
    }
    try {
      return UdmConfig.load(file, env);
    } catch (ValidationException e) {
      throw inFile(file, e);
    }
  }

  /** The connection settings a local settings file names at its top level (YAML parses JSON too). */
  private static List<String> serverSettings(Path file) {
    JsonNode tree;
    try {
      tree = new YAMLMapper().readTree(file.toFile());
    } catch (IOException | RuntimeException e) {
      return List.of(); // UdmConfig.load reports what is wrong with the file
    }
    List<String> found = new ArrayList<>();
    if (tree != null && tree.isObject()) {
      for (String field : List.of("mongoUris", "spacesConns", "counters")) {
        if (tree.has(field)) {
          found.add(field);
        }
      }
    }
    return found;
  }

  /** {@code e}'s problems, each naming {@code file} unless it already does. */
  public static ValidationException inFile(Path file, ValidationException e) {
    String shown = file.toString();
    String absolute = file.toAbsolutePath().normalize().toString();
    return new ValidationException(e.problems().stream()
        .map(p -> p.contains(shown) || p.contains(absolute) ? p : shown + ": " + p)
        .toList());
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageException("cannot create the local data directory " + dir + " ("
          + e.getClass().getSimpleName() + "); choose another one with --data-dir", false);
    }
  }

  /** The lock, or null when another process holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /**
   * The directory is locked by another process: if that is a running {@code udm serve}, use its
   * embedded servers (the stores it already prepared: no bucket or index set-up here), so a command
   * costs about a JVM start instead of booting both servers.
   */
  private static LocalUdm attachToServe(Path dir, Optional<Path> settingsFile, UdmConfig base,
      UdmOptions options) {
    LocalPorts ports = LocalPorts.load(dir);
    Optional<ServeAdvert.Live> serve = ServeAdvert.live(dir, ports.mongo());
    if (serve.isEmpty()) {
      throw new StorageException("the local data directory " + dir + " is in use by another udm process;"
          + " wait for it to finish, or use another directory with --data-dir", true);
    }
    UdmConfig config = EmbeddedServers.configForPorts(base, BUCKET_PREFIX, ports.mongo(), ports.s3());
    // Its HTTP API answers item operations only when it asks for no keys; with metrics wanted, the
    // operations must run (and be measured) here.
    Optional<ServeClient> served = serve.filter(s -> s.httpPort() > 0 && !s.keys() && options.meterRegistry().isEmpty())
        .map(s -> new ServeClient(s.bind(), s.httpPort()));
    return new LocalUdm(dir, settingsFile, null, null, null, config,
        () -> Udms.create(config, ConnectOptions.defaults().withStoresPrepared(true), options), served);
  }

  /**
   * Lets other {@code udm} commands on this directory use this process's embedded servers while it
   * runs ({@code udm serve}); undone by {@link #close()}.
   */
  public synchronized void shareWhileRunning(String bind, int httpPort, boolean keys) {
    if (servers == null) {
      throw new IllegalStateException("only the process that runs the embedded servers can share them");
    }
    ServeAdvert.write(dataDir, bind, httpPort, keys);
    advertised = true;
  }

  /** Whether this process uses the servers of a running {@code udm serve} instead of its own. */
  public boolean attached() {
    return servers == null;
  }

  /** The config UDM runs with here: the settings file's, pointed at the embedded servers. */
  public UdmConfig config() {
    return config;
  }

  private static EmbeddedServers startServers(Path dir) {
    try {
      return EmbeddedServers.persistent(dir);
    } catch (UdmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StorageException("the local MongoDB and S3 servers did not start on " + dir + ": "
          + rootMessage(e) + "; if the directory is damaged, move it away (or delete it) to start afresh", false, e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : " " + message.lines().findFirst().orElse(""));
  }

  private static void release(EmbeddedServers servers, FileLock lock, FileChannel channel) {
    try {
      if (servers != null) {
        servers.close();
      }
    } finally {
      try {
        if (lock != null && lock.isValid()) {
          lock.release();
        }
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // The lock goes with the process anyway.
      }
    }
  }
}
