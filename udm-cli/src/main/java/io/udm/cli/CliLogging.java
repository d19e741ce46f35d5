package io.udm.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The command line's logging, set before anything logs. The terminal is for results and one-line
 * errors: the library's log records (java.util.logging, where {@link System.Logger} goes) and the
 * log of the libraries under it (logback) stay off it unless {@code -v}, which shows them one line
 * each, at {@code UDM_LOG_LEVEL} (INFO when unset). The embedded servers of local mode never log
 * to it. Only the CLI does this: the library jar never chooses logging settings for its users.
 */
final class CliLogging {
  /** Where the logback settings live; they read the level from {@link #LEVEL_PROPERTY}. */
  static final String LOGBACK_RESOURCE = "io/udm/cli/udm-cli-logback.xml";
  /** The logback level the settings file uses: OFF unless verbose. */
  static final String LEVEL_PROPERTY = "udm.cli.logLevel";
  private static final List<String> VERBOSE_FLAGS = List.of("-v", "--verbose");
  private static final Map<String, Level> JUL_LEVELS = Map.of("TRACE", Level.FINEST, "DEBUG", Level.FINE,
      "INFO", Level.INFO, "WARN", Level.WARNING, "ERROR", Level.SEVERE, "OFF", Level.OFF);

  private CliLogging() {}

  /** Whether the arguments ask for the log on the terminal (before the end of options, {@code --}). */
  static boolean verbose(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (VERBOSE_FLAGS.contains(arg)) {
        return true;
      }
    }
    return false;
  }

  /** Sets both logging systems up for this process: the log on stderr at {@code level} if verbose, else none. */
  static void configure(boolean verbose, String envLevel) {
    String level = verbose ? levelName(envLevel) : "OFF";
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGBACK_RESOURCE);
    }
    System.setProperty(LEVEL_PROPERTY, level);
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(JUL_LEVELS.get(level));
    if (verbose) {
      ConsoleHandler handler = new ConsoleHandler();
      handler.setLevel(Level.ALL);
      handler.setFormatter(new OneLine());
      root.addHandler(handler);
    }
  }

  /** A level logback and this class both know, from {@code UDM_LOG_LEVEL}; INFO when unset or unknown. */
  static String levelName(String envLevel) {
    String name = envLevel == null ? "INFO" : envLevel.strip().toUpperCase(Locale.ROOT);
    return JUL_LEVELS.containsKey(name) ? name : "INFO";
  }

  /** {@code 12:00:01.234 INFO  io.udm.app.Thing - message}, as the logback pattern writes. */
  static final class OneLine extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Override
    public String format(LogRecord record) {
      String level = switch (record.getLevel().getName()) {
        case "SEVERE" -> "ERROR";
        case "WARNING" -> "WARN";
        case "INFO", "CONFIG" -> "INFO";
        default -> "DEBUG";
      };
      String line = TIME.format(LocalTime.now()) + " " + String.format(Locale.ROOT, "%-5s", level) + " "
          + record.getLoggerName() + " - " + formatMessage(record).replace('\n', ' ');
      return UdmCli.redact(line) + System.lineSeparator();
    }
  }
}
