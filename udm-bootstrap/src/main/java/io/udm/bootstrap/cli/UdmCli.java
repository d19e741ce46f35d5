package io.udm.bootstrap.cli;

import io.udm.api.error.UdmException;
import io.udm.api.error.ValidationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code udm} command line. */
@Command(
    name = "udm",
    mixinStandardHelpOptions = true,
    version = "udm 0.1.0",
    description = "Versioned, restorable JSON items on MongoDB + S3.",
    subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class UdmCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit code (0 ok, 1 failure, 2 usage). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new UdmCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ValidationException v) {
        err.println("error: " + String.join("\n  ", v.problems()));
        return 2;
      }
      if (e instanceof UdmException) {
        err.println("error: " + e.getMessage());
        return 1;
      }
      err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
