package io.udm.embedded;

import io.udm.api.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The two loopback ports of a persistent local backend pair, kept in {@code ports.properties} of its
 * data directory. Fresh ones come from 20000-32767, below Linux's ephemeral range, so outgoing
 * connections of other programs do not take them between two runs.
 */
public final class LocalPorts {
  static final String FILE = "ports.properties";
  private static final int ATTEMPTS = 50;
  private static final int LOW = 20000;
  private static final int HIGH = 32768;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final boolean fresh;
  private int mongo;
  private int s3;

  private LocalPorts(Path file, boolean fresh, int mongo, int s3) {
    this.file = file;
    this.fresh = fresh;
    this.mongo = mongo;
    this.s3 = s3;
  }

  public static LocalPorts load(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      int m = pick(-1);
      return new LocalPorts(file, true, m, pick(m));
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new StorageException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", false);
    }
    return new LocalPorts(file, false, port(props, "mongo", file), port(props, "s3", file));
  }

  public int mongo() {
    return mongo;
  }

  public int s3() {
    return s3;
  }

  void saveIfNew() {
    if (!fresh) {
      return;
    }
    Properties props = new Properties();
    props.setProperty("mongo", Integer.toString(mongo));
    props.setProperty("s3", Integer.toString(s3));
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      props.store(out, "Loopback ports of udm local mode. UDM identifies a backend by its endpoints,"
          + " so keep them: with other ports, existing collections would look moved.");
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", false);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", false);
    }
  }

  StorageException inUse(String server, int port, Exception cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new StorageException("the local " + server + " server cannot listen on 127.0.0.1:" + port + " (" + why
        + ")" + (fresh ? "" : "; that port is kept in " + file + " because UDM identifies a backend by its"
        + " endpoints: stop the program using it and run udm again"), false, cause);
  }

  /** A random port of the range that nothing listens on right now. */
  private static int pick(int other) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = LOW + RANDOM.nextInt(HIGH - LOW);
      if (port != other && free(port)) {
        return port;
      }
    }
    throw new StorageException("found no free loopback port between " + LOW + " and " + (HIGH - 1)
        + " for local mode's servers", true);
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int port(Properties props, String key, Path file) {
    String value = props.getProperty(key);
    try {
      int port = Integer.parseInt(value == null ? "" : value.trim());
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new StorageException(file + " has no valid '" + key + "' port; restore it, or delete the file if"
        + " the data directory holds nothing you need (collections would look moved to another backend)", false);
  }
}
