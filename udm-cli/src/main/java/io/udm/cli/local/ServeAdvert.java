package io.udm.cli.local;

import io.udm.api.error.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code serve.properties} in a local data directory: written by a running {@code udm serve}
 * (its process id and HTTP port), so that other {@code udm} commands on the same directory use its
 * embedded servers instead of failing on the lock. A reader trusts it only while that process is
 * alive and its MongoDB port answers; a stale file (the server was killed) is ignored.
 */
final class ServeAdvert {
  static final String FILE = "serve.properties";
  private static final int PROBE_TIMEOUT_MS = 300;

  /** What a live advert says: the serve's process, its HTTP address, and whether it asks for API keys. */
  record Live(long pid, int httpPort, String bind, boolean keys) {}

  private ServeAdvert() {}

  static void write(Path dataDir, String bind, int httpPort, boolean keys) {
    Properties props = new Properties();
    props.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    props.setProperty("http", Integer.toString(httpPort));
    props.setProperty("bind", bind);
    props.setProperty("keys", Boolean.toString(keys));
    Path file = dataDir.resolve(FILE);
    Path tmp = dataDir.resolve(FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      props.store(out, "A running udm serve shares its embedded servers with other udm commands on this directory");
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", false);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", false);
    }
  }

  /** Removes the advert if this process wrote it. */
  static void removeOwn(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    read(file).filter(live -> live.pid() == ProcessHandle.current().pid()).ifPresent(live -> {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A stale advert is ignored by readers: its process is gone.
      }
    });
  }

  /** The advert of a live {@code udm serve} on {@code dataDir} whose MongoDB answers on {@code mongoPort}. */
  static Optional<Live> live(Path dataDir, int mongoPort) {
    return read(dataDir.resolve(FILE))
        .filter(live -> live.pid() != ProcessHandle.current().pid())
        .filter(live -> ProcessHandle.of(live.pid()).map(ProcessHandle::isAlive).orElse(false))
        .filter(live -> answers(mongoPort));
  }

  private static Optional<Live> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
      // An advert without "keys" is from an older build: assume keys, so nothing is sent over HTTP.
      return Optional.of(new Live(Long.parseLong(props.getProperty("pid", "-1")),
          Integer.parseInt(props.getProperty("http", "0")), props.getProperty("bind", "127.0.0.1"),
          Boolean.parseBoolean(props.getProperty("keys", "true"))));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // half-written or damaged: not an advert to trust
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
