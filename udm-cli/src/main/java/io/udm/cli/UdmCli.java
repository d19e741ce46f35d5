package io.udm.cli;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.Redaction;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ExternalizationException;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.UdmException;
import io.udm.api.error.ValidationException;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.cli.local.LocalUdm;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code udm} command line. */
@Command(
    name = "udm",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    description = {
        "Versioned, restorable JSON items on MongoDB + S3.",
        "",
        "Without --config, udm runs in LOCAL MODE: real MongoDB and S3 servers inside the udm process,"
            + " keeping their data in ./udm-data (or --data-dir DIR), so each command sees what the previous"
            + " one wrote. Settings such as collectionMaps go in udm-local.yaml (or .json) in that directory."
            + " With --config FILE, udm uses the MongoDB and S3 servers the file names.",
        ""},
    subcommands = {
        DemoCommand.class,
        HealthCommand.class,
        PutCommand.class,
        GetCommand.class,
        DeleteCommand.class,
        HistoryCommand.class,
        DiffCommand.class,
        ChangesCommand.class,
        ListCommand.class,
        RestoreCommand.class,
        EnrichCommand.class,
        CountersCommand.class,
        QueueCommand.class,
        ShrinkCommand.class,
        HardDeleteCommand.class,
        GcCommand.class,
        RetentionCommand.class,
        VerifyCommand.class,
        SchemaCommand.class,
        ReindexCommand.class,
        HoldCommand.class,
        RebalanceCommand.class,
        ConfigCommand.class,
        CompletionCommand.class,
        ServeCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  failure: storage, feature not available, health not UP, verify or schema check found problems",
        "  2  invalid input or usage",
        "  3  not found",
        "  4  conflict: the item is not at --expected-ov"})
public final class UdmCli implements Runnable {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int INVALID = 2;
  public static final int NOT_FOUND = 3;
  public static final int CONFLICT = 4;

  /** Where the CLI's logging settings live; only {@link #main} points logback at them. */
  static final String LOGGING_RESOURCE = CliLogging.LOGBACK_RESOURCE;

  private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s,;'\"()<>\\[\\]]+");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "A UDM config (.json, .yaml or .yml; values may be $${ENV_VAR}): run against the MongoDB and S3"
          + " servers it names instead of local mode.")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Local mode's data directory (default: ./udm-data).")
  Path dataDir;

  @Option(names = "--create-buckets", scope = ScopeType.INHERIT,
      description = "With --config: create missing buckets instead of failing (first use of a new object store).")
  boolean createBuckets;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "No progress on stderr; put prints only the id.")
  boolean quiet;

  /** Read before parsing, by {@link CliLogging#verbose}: logging is set up before anything logs. */
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log records of UDM and its libraries on stderr, one line each, at UDM_LOG_LEVEL (default INFO).")
  boolean verbose;

  @Option(names = "--progress-every", paramLabel = "N", scope = ScopeType.INHERIT,
      description = "When stderr is not a terminal: a progress line every N items (default 1000). On a terminal,"
          + " long commands draw a progress bar instead.")
  long progressEvery = 1000;

  private InputStream in = System.in;
  private boolean stdoutIsATerminal;

  public static void main(String[] args) {
    CliLogging.configure(CliLogging.verbose(args), System.getenv("UDM_LOG_LEVEL"));
    int code = run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        runsOnATerminal());
    System.exit(code);
  }

  /** Runs the CLI with the given streams (stdin is the process's); returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the CLI with the given streams; returns the exit code: 0 ok, 1 failure, 2 invalid input or
   * usage, 3 not found, 4 conflict. {@code out} is treated as a script's, not a terminal: {@code put}
   * prints only the id.
   */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    return run(args, in, out, err, false);
  }

  /** As {@link #run(String[], InputStream, PrintWriter, PrintWriter)}, saying whether a person reads {@code out}. */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean stdoutIsATerminal) {
    UdmCli root = new UdmCli();
    root.in = in;
    root.stdoutIsATerminal = stdoutIsATerminal;
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(System.getenv())));
    cli.setParameterExceptionHandler(UdmCli::onBadUsage);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> onFailure(e, err));
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  InputStream in() {
    return in;
  }

  /** Whether a person reads stdout; if not, output is kept to what a script needs. */
  boolean stdoutIsATerminal() {
    return stdoutIsATerminal;
  }

  /**
   * Whether this process runs on a terminal. Up to Java 21, {@link System#console()} is null once
   * stdin or stdout is redirected; from Java 22 it is not, and {@code Console.isTerminal()} (called
   * by name, as Java 17 lacks it) tells.
   */
  static boolean runsOnATerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before Java 22, any console is a terminal
    }
  }

  /**
   * Whether stderr is a terminal, where progress bars go. Linux tells through /proc; elsewhere
   * this falls back to whether the process runs on a terminal at all.
   */
  static boolean stderrIsATerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return runsOnATerminal();
    }
  }

  /** The UDM this invocation runs against: the configured servers, or local mode. */
  CliSession open() {
    return open(UdmOptions.defaults());
  }

  /** As {@link #open()}, the UDM built with {@code options} (metrics). */
  CliSession open(UdmOptions options) {
    if (config != null && dataDir != null) {
      throw new ParameterException(spec.commandLine(),
          "--config and --data-dir exclude each other: --data-dir is for local mode, --config names your own servers");
    }
    if (createBuckets && config == null) {
      throw new ParameterException(spec.commandLine(),
          "--create-buckets goes with --config; local mode creates its buckets itself");
    }
    if (config != null) {
      UdmConfig loaded;
      try {
        loaded = UdmConfig.load(config);
      } catch (ValidationException e) {
        throw LocalUdm.inFile(config, e);
      }
      if (loaded.mongoUris().isEmpty() || loaded.spacesConns().isEmpty()) {
        throw new ValidationException("config " + config + " names no backends: add mongoUris and spacesConns"
            + " (one of each per backend pair), or leave out --config to run in local mode");
      }
      Udm udm = Udms.create(loaded, ConnectOptions.defaults().withCreateBucketsIfMissing(createBuckets), options);
      return CliSession.configured(udm, loaded, config);
    }
    return CliSession.local(LocalUdm.open(dataDir != null ? dataDir : Path.of("udm-data"), options));
  }

  private static int onBadUsage(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = ex.getMessage() == null ? "invalid usage" : ex.getMessage();
    err.println("error: " + (message.startsWith("Error: ") ? message.substring("Error: ".length()) : message));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return INVALID;
  }

  /** Known failures become one clean message; nothing prints a stack trace or a secret. */
  /** No colours when NO_COLOR is set to anything (no-color.org); otherwise picocli's terminal detection. */
  static CommandLine.Help.Ansi ansi(java.util.Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return noColor != null && !noColor.isEmpty() ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO;
  }

  static int onFailure(Exception e, PrintWriter err) {
    if (e instanceof ValidationException v) {
      if (v.problems().size() == 1) {
        err.println("error: " + v.problems().get(0));
      } else {
        err.println("error: " + v.problems().size() + " problems:");
        v.problems().forEach(p -> err.println("  - " + p));
      }
      return INVALID;
    }
    if (e instanceof ExternalizationException x) {
      // Bad content in the input: the caller's to fix, like any other invalid input.
      x.problems().forEach(p -> err.println("error: " + p));
      return INVALID;
    }
    if (e instanceof NotFoundException) {
      err.println("error: " + e.getMessage());
      return NOT_FOUND;
    }
    if (e instanceof OptimisticLockException) {
      err.println("error: " + e.getMessage());
      return CONFLICT;
    }
    if (e instanceof UdmException) {
      err.println("error: " + e.getMessage());
      return FAILURE;
    }
    if (e instanceof UnsupportedOperationException) {
      err.println("error: " + (e.getMessage() == null ? "this operation is not available" : e.getMessage()));
      return FAILURE;
    }
    err.println("error: unexpected " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + redact(e.getMessage().lines().findFirst().orElse("")))
        + " (this is a bug in udm; please report it with the command you ran)");
    return FAILURE;
  }

  /** Every URL-like token with its credentials masked. */
  static String redact(String message) {
    Matcher m = URL.matcher(message);
    return m.replaceAll(r -> Matcher.quoteReplacement(Redaction.url(r.group())));
  }
}
