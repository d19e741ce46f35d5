package io.udm.cli;

import io.udm.api.config.UdmConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Work with config files without connecting to anything.",
    subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a config subcommand: check FILE");
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Validate a config file (every problem at once, exit 2) and print the effective config,"
          + " defaults filled in and secrets redacted. Connects to nothing; ${ENV} references must be set."})
  static final class Check implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A UDM config (.json, .yaml or .yml).")
    Path file;

    @Override
    public Integer call() {
      UdmConfig config = UdmConfig.load(file);
      spec.commandLine().getOut().println(file + ": valid");
      spec.commandLine().getOut().println(config);
      return UdmCli.OK;
    }
  }
}
