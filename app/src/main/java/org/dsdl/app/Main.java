package org.dsdl.app;

import ch.qos.logback.classic.Level;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import org.dsdl.app.cli.BenchCommand;
import org.dsdl.app.cli.DatasetCommand;
import org.dsdl.app.cli.DescribeCommand;
import org.dsdl.app.cli.ListCommand;
import org.dsdl.app.cli.ReportCommand;
import org.dsdl.app.cli.RunCommand;
import org.dsdl.app.cli.SweepCommand;
import org.dsdl.app.cli.ValidateCommand;
import org.dsdl.app.config.Printable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code dsdl} command. */
@Command(name = "dsdl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Dense Sample Deep Learning: train a VGG-style CNN on a dense-sample task and watch feature coupling and category identity emerge.",
    subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, DescribeCommand.class, ReportCommand.class, BenchCommand.class, DatasetCommand.class, SweepCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  the run failed (e.g. the loss became NaN); measured checkpoints are kept",
        "  2  bad input (config, data, arguments, plugins)", "  4  the run finished but some probe failed (sweep: some run failed)",
        "  130  stopped by Ctrl-C (state saved)", "  143  stopped by SIGTERM (state saved)"})
public final class Main implements Runnable {

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "log debug detail and show stack traces of errors")
  void debug(boolean on) {
    debug = on;
    // Logback is the plain launcher's logger; the Spark launcher logs through log4j2 and sets its level itself
    if (LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.")) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(on ? Level.DEBUG : Level.INFO);
    }
  }

  static boolean debug;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit code (does not exit). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line writing to the given streams and returns the exit code (does not exit). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(new DsdlModule(), out, err, args);
  }

  /**
   * Runs the command line composed by {@code wiring} (the application's {@link DsdlModule}, or a
   * test's override of some of its bindings) and returns the exit code (does not exit).
   */
  public static int execute(com.google.inject.Module wiring, PrintWriter out, PrintWriter err, String... args) {
    debug = false;
    Injector injector = Guice.createInjector(wiring);
    CommandLine cli = new CommandLine(new Main(), new GuiceFactory(injector));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(cmd.getErr(), e));
    cli.setParameterExceptionHandler((e, args2) -> {
      e.getCommandLine().getErr().println("dsdl: " + Printable.of(e.getMessage()));
      e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.BAD_INPUT;
    });
    return cli.execute(args);
  }

  /** Prints one clear line for an error (a stack trace too with --debug) and returns its exit code. */
  static int report(PrintWriter err, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DsdlException d) {
        err.println("dsdl: " + Printable.of(d.getMessage()));
        if (debug) {
          e.printStackTrace(err);
        }
        return d.exitCode();
      }
    }
    String diskFull = IoFailures.describe(e);
    if (diskFull != null) {
      err.println("dsdl: " + Printable.of(diskFull));
      if (debug) {
        e.printStackTrace(err);
      }
      return ExitCodes.RUN_FAILED;
    }
    err.println("dsdl: internal error: " + Printable.of(e) + (debug ? "" : " (run with --debug for the stack trace)"));
    if (debug) {
      e.printStackTrace(err);
    }
    return ExitCodes.RUN_FAILED;
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // Image writers buffer in memory rather than in temporary files: no temporary file to leak,
    // and no shutdown hook of ImageIO's that fails noisily when a disk has filled up.
    javax.imageio.ImageIO.setUseCache(false);
    System.exit(execute(args));
  }

  /** Prints dsdl's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dsdl " + Versions.dsdl()};
    }
  }

  /** Creates picocli commands through Guice, so they get their collaborators injected. */
  private record GuiceFactory(Injector injector) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls.getName().startsWith("org.dsdl.")) {
        return injector.getInstance(cls);
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
