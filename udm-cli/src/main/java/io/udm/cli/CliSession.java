package io.udm.cli;

import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.cli.local.LocalUdm;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The UDM one command runs against, and whatever has to stop with it. A JVM shutdown hook closes it
 * when the process is interrupted (Ctrl-C), so the local servers still release their files.
 */
final class CliSession implements AutoCloseable {
  private final Udm udm;
  private final UdmConfig config;
  private final String mode;
  private final Path source;
  private final AutoCloseable owner;
  private final Optional<LocalUdm> local;
  private final Deque<AutoCloseable> closeFirst = new ArrayDeque<>();
  private final Thread hook;
  private boolean closed;

  private CliSession(Udm udm, UdmConfig config, String mode, Path source, AutoCloseable owner, Optional<LocalUdm> local) {
    this.udm = udm;
    this.config = config;
    this.mode = mode;
    this.source = source;
    this.owner = owner;
    this.local = local;
    this.hook = new Thread(this::closeQuietly, "udm-cli-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static CliSession local(LocalUdm local) {
    return new CliSession(null, local.config(), "local", local.dataDir(), local, Optional.of(local));
  }

  static CliSession configured(Udm udm, UdmConfig config, Path configFile) {
    return new CliSession(udm, config, "config", configFile.toAbsolutePath().normalize(), udm, Optional.empty());
  }

  /** The config UDM runs with (in local mode: the settings file's, pointed at the embedded servers). */
  UdmConfig config() {
    return config;
  }

  /** The local data directory's UDM, in local mode. */
  Optional<LocalUdm> local() {
    return local;
  }

  /**
   * Closes {@code resource} before UDM, also when the process is stopped (SIGTERM, Ctrl-C): one
   * hook closes both in order, since the JVM runs separate hooks at the same time.
   */
  synchronized void closeFirst(AutoCloseable resource) {
    closeFirst.push(resource);
  }

  Udm udm() {
    return local.map(LocalUdm::udm).orElse(udm);
  }

  /** A collection's item operations (beside a running local udm serve, answered by it). */
  ItemOps items(RouteContext ctx) {
    return local.map(l -> l.items(ctx)).orElseGet(() -> udm.with(ctx));
  }

  /** {@code local} or {@code config}. */
  String mode() {
    return mode;
  }

  /** The local data directory, or the config file. */
  Path source() {
    return source;
  }

  /** One line saying what this session runs on. */
  String describe() {
    return mode.equals("local") ? "local mode, data in " + source : "config " + source;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook closes us.
    }
    closeQuietly();
  }

  private synchronized void closeQuietly() {
    if (closed) {
      return;
    }
    closed = true;
    while (!closeFirst.isEmpty()) {
      try {
        closeFirst.pop().close();
      } catch (Exception e) {
        // Best effort: UDM is closed next whatever happened here.
      }
    }
    try {
      owner.close();
    } catch (Exception e) {
      // Closing is best effort; the command's own outcome is what matters.
    }
  }
}
