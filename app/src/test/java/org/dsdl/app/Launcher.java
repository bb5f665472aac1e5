package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application as {@code ./dsdl} does (named modules on the module path, plugins
 * found through their {@code provides} clauses), in its own process. For failsafe tests, which run
 * after {@code package}.
 */
final class Launcher {
  private final Path work;
  private int calls;

  /** A launcher whose output files go to {@code work}. */
  Launcher(Path work) {
    this.work = work;
  }

  /** What a finished command said. */
  record Result(int code, String out, String err) {}

  /** The command line for {@code args}. */
  static List<String> command(String... args) {
    Path target = Path.of("target").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "--module-path", target.resolve("dsdl-app.jar") + ":" + target.resolve("lib"),
        "--add-modules", "ALL-MODULE-PATH", "-m", "org.dsdl.app/org.dsdl.app.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Starts {@code dsdl args…}; its output goes to {@code NAME.out} and {@code NAME.err} in the work folder. */
  Process start(String name, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(args))
        .redirectOutput(work.resolve(name + ".out").toFile()).redirectError(work.resolve(name + ".err").toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return pb.start();
  }

  /** What a process started with {@link #start} said, once it has ended. */
  Result result(String name, Process p) throws IOException, InterruptedException {
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("dsdl ended within 5 minutes").isTrue();
    return new Result(p.exitValue(), Files.readString(work.resolve(name + ".out"), StandardCharsets.UTF_8),
        Files.readString(work.resolve(name + ".err"), StandardCharsets.UTF_8));
  }

  /** Runs {@code dsdl args…} to its end. */
  Result run(String... args) throws IOException, InterruptedException {
    String name = "call" + (++calls);
    return result(name, start(name, args));
  }
}
