package io.udm.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.json.JsonValues;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link UdmCli} in this JVM and captures what it prints. Its stdout is a script's, as with
 * {@code id=$(udm put ...)}, unless the command runs {@link #localOnATerminal on a terminal}.
 */
final class Cli {
  private static boolean quieted;

  private Cli() {}

  record Result(int code, String out, String err) {
    JsonNode json() {
      try {
        return JsonValues.mapper().readTree(out);
      } catch (Exception e) {
        throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** {@code args} in local mode on {@code dataDir}. */
  static Result local(Path dataDir, String... args) {
    return localWithStdin(dataDir, "", args);
  }

  static Result localWithStdin(Path dataDir, String stdin, String... args) {
    return execute(stdin, false, withDataDir(dataDir, args));
  }

  /** {@code args} in local mode on {@code dataDir}, as a person typing them on a terminal would see it. */
  static Result localOnATerminal(Path dataDir, String... args) {
    return execute("", true, withDataDir(dataDir, args));
  }

  static Result run(String... args) {
    return runWithStdin("", args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return execute(stdin, false, args);
  }

  private static String[] withDataDir(Path dataDir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dataDir.toString());
    return all.toArray(String[]::new);
  }

  private static Result execute(String stdin, boolean onATerminal, String... args) {
    quietLogging();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code = UdmCli.run(args, in, new PrintWriter(out, true), new PrintWriter(err, true), onATerminal);
    return new Result(code, out.toString(), err.toString());
  }

  /** The CLI's own logging settings, so the embedded servers do not flood the test output. */
  static synchronized void quietLogging() {
    if (quieted) {
      return;
    }
    quieted = true;
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      try {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Cli.class.getClassLoader().getResource(UdmCli.LOGGING_RESOURCE));
      } catch (Exception e) {
        // Noisy logs are no test failure.
      }
    }
  }
}
