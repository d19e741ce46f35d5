package io.udm.bootstrap.cli;

import io.udm.api.Udm;
import io.udm.bootstrap.local.LocalUdm;
import java.nio.file.Path;

/**
 * The UDM one command runs against, and whatever has to stop with it. A JVM shutdown hook closes it
 * when the process is interrupted (Ctrl-C), so the local servers still release their files.
 */
final class CliSession implements AutoCloseable {
  private final Udm udm;
  private final String mode;
  private final Path source;
  private final AutoCloseable owner;
  private final Thread hook;
  private boolean closed;

  private CliSession(Udm udm, String mode, Path source, AutoCloseable owner) {
    this.udm = udm;
    this.mode = mode;
    this.source = source;
    this.owner = owner;
    this.hook = new Thread(this::closeQuietly, "udm-cli-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static CliSession local(LocalUdm local) {
    return new CliSession(local.udm(), "local", local.dataDir(), local);
  }

  static CliSession configured(Udm udm, Path configFile) {
    return new CliSession(udm, "config", configFile.toAbsolutePath().normalize(), udm);
  }

  Udm udm() {
    return udm;
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
    try {
      owner.close();
    } catch (Exception e) {
      // Closing is best effort; the command's own outcome is what matters.
    }
  }
}
