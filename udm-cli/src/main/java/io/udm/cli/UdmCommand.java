package io.udm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.Names;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.error.ValidationException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that runs against a UDM: local mode or {@code --config}. Checks its arguments first
 * ({@link #check()}), so bad input fails fast, before any server starts.
 */
abstract class UdmCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Machine-readable JSON output on stdout.")
  boolean json;

  @Override
  public final Integer call() throws Exception {
    check();
    try (CliSession session = root().open(udmOptions())) {
      return run(session);
    }
  }

  /** How this command's UDM is built: without metrics unless the command reports them. */
  UdmOptions udmOptions() {
    return UdmOptions.defaults();
  }

  /** Argument checks that need no UDM; throw {@link ValidationException} or {@link #usage}. */
  void check() {}

  abstract int run(CliSession session) throws Exception;

  UdmCli root() {
    return (UdmCli) spec.root().userObject();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  void printJson(JsonNode node) {
    out().println(Render.pretty(node));
  }

  /** Progress of a long operation on stderr: a bar on a terminal, plain lines otherwise, nothing with -q. */
  ProgressDisplay progressDisplay() {
    UdmCli root = root();
    if (root.progressEvery < 1) {
      throw usage("--progress-every must be 1 or more, got " + root.progressEvery);
    }
    ProgressDisplay.Mode mode = root.quiet ? ProgressDisplay.Mode.NONE
        : UdmCli.stderrIsATerminal() ? ProgressDisplay.Mode.BAR : ProgressDisplay.Mode.LINES;
    return ProgressDisplay.of(mode, spec.commandLine().getErr(), root.progressEvery);
  }

  /** A progress line on stderr, unless {@code --quiet}. */
  void progress(String line) {
    if (!root().quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(line);
      err.flush();
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static String requireId(String id) {
    return Names.requireObjectId(id);
  }
}
