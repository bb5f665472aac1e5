package org.dsdl.pluginit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged dsdl, run on its own module path as a user runs it, with plugin jars from a folder:
 * the example probe and visualizer measured and drawn, and each kind of plugin failure contained.
 */
class PluginFolderIT {
  static final Path APP = Path.of(System.getProperty("dsdl.app", "../app/target"));
  static final Path EXAMPLES = Path.of(System.getProperty("dsdl.plugins", "target/plugins"));
  static final List<String> TINY = List.of("--set", "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}",
      "--set", "training.epochs=1", "--set", "probeSet.perClass=10", "--set", "checkpoints.perEpoch=1");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  record Run(int code, String out, String err) {}

  static Run dsdl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "--module-path", APP.resolve("dsdl-app.jar") + ":" + APP.resolve("lib"),
        "--add-modules", "ALL-MODULE-PATH", "-m", "org.dsdl.app/org.dsdl.app.Main"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("dsdl finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static List<String> run(Path out, Path plugins, String probes, String visualizers) {
    List<String> args = new ArrayList<>(List.of("run", "--out", out.toString(), "--plugins", plugins.toString(), "--no-progress"));
    args.addAll(TINY);
    args.addAll(List.of("--set", "probes=" + probes, "--set", "visualizers=" + visualizers));
    return args;
  }

  // ---- fixture plugins, compiled here against dsdl's api jar ----

  static Path apiJar() throws IOException {
    try (Stream<Path> s = Files.list(APP.resolve("lib"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("dsdl-api-")).findFirst().orElseThrow();
    }
  }

  /** Compiles {@code sources} (path → text) and packs them, with {@code resources}, into {@code jar}. */
  static Path jar(Path jar, Map<String, String> sources, Map<String, String> resources, String modulePath) throws IOException {
    Path src = Files.createTempDirectory(dir, "src");
    Path classes = Files.createTempDirectory(dir, "classes");
    List<String> files = new ArrayList<>();
    for (var e : sources.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      files.add(f.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    boolean modular = sources.containsKey("module-info.java");
    args.addAll(modular ? List.of("--module-path", modulePath) : List.of("-cp", apiJar().toString()));
    args.addAll(files);
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("fixture compiles").isZero();
    Files.createDirectories(jar.getParent());
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
      try (Stream<Path> walk = Files.walk(classes)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
      for (var e : resources.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** A plain jar (an automatic module) with one probe provider, registered through META-INF/services, in package fixture.lowercase-name. */
  static Path plainProbe(Path jar, String className, String body) throws IOException {
    String pkg = "fixture." + className.toLowerCase(java.util.Locale.ROOT);
    String source = "package " + pkg + ";\n"
        + "import java.util.List;\n"
        + "import org.dsdl.api.measure.*;\nimport org.dsdl.api.plugin.*;\nimport org.dsdl.api.probe.*;\n"
        + "public final class " + className + " implements ProbeProvider<NoParameters>, WithoutParameters {\n" + body + "\n}\n";
    return jar(jar, Map.of(pkg.replace('.', '/') + "/" + className + ".java", source),
        Map.of("META-INF/services/org.dsdl.api.probe.ProbeProvider", pkg + "." + className + "\n"), null);
  }

  static Path copyExamples(Path folder) throws IOException {
    Files.createDirectories(folder);
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      for (Path jar : s.toList()) {
        Files.copy(jar, folder.resolve(jar.getFileName()));
      }
    }
    return folder;
  }

  static List<JsonNode> metrics(Path run) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @BeforeAll
  static void examplesWereBuilt() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      assertThat(s.map(p -> p.getFileName().toString())).contains("sparsity-probe-1.0.jar", "markdown-visualizer-1.0.jar");
    }
  }

  @Test
  void theExampleProbeAndVisualizerAreMeasuredAndDrawn() throws Exception {
    Path out = dir.resolve("examples-run");
    Run r = dsdl(run(out, EXAMPLES, "[accuracy, sparsity]", "[csv, html, markdown]").toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> ms = metrics(out);
    int checkpoints = JSON.readTree(out.resolve("run.json").toFile()).get("checkpoints").size();
    long layers = ms.stream().filter(m -> m.get("metric").asText().equals("sparsity") && m.get("checkpoint").asInt() == 0).count();
    assertThat(layers).as("a sparsity scalar per captured layer (6 convolutions, fc1, fc2, logits)").isEqualTo(9);
    assertThat(ms.stream().filter(m -> m.get("metric").asText().equals("sparsity"))).hasSize((int) (checkpoints * layers));
    assertThat(ms.stream().filter(m -> m.get("metric").asText().equals("unit_sparsity") && m.get("layer").asText().equals("fc1")))
        .allSatisfy(m -> assertThat(m.get("labels")).hasSize(440)).hasSize(checkpoints);
    assertThat(ms).allSatisfy(m -> {
      if (m.get("metric").asText().equals("sparsity")) {
        assertThat(m.get("value").asDouble()).isBetween(0.0, 1.0);
      }
    });
    String md = Files.readString(out.resolve("summary.md"));
    assertThat(md).contains("## sparsity").contains("| sparsity | fc1 |").contains("## accuracy");
    assertThat(Files.readString(out.resolve("report.html"))).contains("\"probe\":\"sparsity\"");
    // the run records where its plugins came from, so resume and report find them again
    assertThat(JSON.readTree(out.resolve("run.json").toFile()).at("/config/plugins/0").asText()).isEqualTo(EXAMPLES.toAbsolutePath().normalize().toString());
    Run report = dsdl("report", out.toString(), "--visualizers", "markdown");
    assertThat(report.code()).as(report.err()).isZero();

    Run list = dsdl("list", "--plugins", EXAMPLES.toString());
    assertThat(list.out()).containsPattern("sparsity .*\\[.*sparsity-probe-1.0.jar, version 1.0\\]")
        .containsPattern("markdown .*\\[.*markdown-visualizer-1.0.jar, version 1.0\\]")
        .containsPattern("accuracy .*\\[built-in\\]");
    Run describe = dsdl("describe", "sparsity", "--plugins", EXAMPLES.toString());
    assertThat(describe.out()).contains("unit_sparsity (vector over units, per layer)");
  }

  @Test
  void aJarThatCannotBeResolvedIsSkippedAndNamed() throws Exception {
    Path folder = copyExamples(dir.resolve("unresolvable"));
    // a module that requires one the folder does not have
    Path missing = jar(dir.resolve("elsewhere/org.nowhere.jar"), Map.of("module-info.java", "module org.nowhere { exports nowhere; }",
        "nowhere/Nothing.java", "package nowhere; public class Nothing {}"), Map.of(), apiJar().toString());
    jar(folder.resolve("needs-nowhere.jar"), Map.of("module-info.java", "module needs.nowhere { requires org.nowhere; }",
        "needs/Empty.java", "package needs; public class Empty {}"), Map.of(), missing.toString());
    Run list = dsdl("list", "--plugins", folder.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.err() + list.out()).contains("needs-nowhere.jar cannot be loaded").contains("org.nowhere");
    assertThat(list.out()).contains("sparsity");
  }

  @Test
  void aProviderThatThrowsWhenCreatedIsReportedAndTheRunGoesOn() throws Exception {
    Path folder = copyExamples(dir.resolve("throwing"));
    plainProbe(folder.resolve("explodes.jar"), "Explodes", "public Explodes() { throw new IllegalStateException(\"kaboom\"); }\n"
        + "public String name() { return \"explodes\"; }\npublic String description() { return \"x\"; }\n"
        + "public Probe create(NoParameters p, ProbeContext c) { return s -> List.of(); }");
    Path out = dir.resolve("throwing-run");
    Run r = dsdl(run(out, folder, "[accuracy, sparsity]", "[csv]").toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("fixture.explodes.Explodes").contains("failed when created").contains("kaboom");
  }

  @Test
  void twoPluginsWithOneNameAreRefusedNamingBothJars() throws Exception {
    Path folder = copyExamples(dir.resolve("duplicate"));
    plainProbe(folder.resolve("other-sparsity.jar"), "OtherSparsity", "public String name() { return \"sparsity\"; }\n"
        + "public String description() { return \"a second one\"; }\n"
        + "public Probe create(NoParameters p, ProbeContext c) { return s -> List.of(); }");
    Run r = dsdl(run(dir.resolve("duplicate-run"), folder, "[accuracy, sparsity]", "[csv]").toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("two probe plugins are named 'sparsity'").contains("sparsity-probe-1.0.jar").contains("other-sparsity.jar");
    assertThat(dir.resolve("duplicate-run")).doesNotExist();
  }

  @Test
  void aProbeThatThrowsOrStallsFailsAtThatCheckpointAndTheRestGoesOn() throws Exception {
    Path folder = copyExamples(dir.resolve("failing"));
    plainProbe(folder.resolve("flaky.jar"), "Flaky", "public String name() { return \"flaky\"; }\n"
        + "public String description() { return \"throws at checkpoint 1\"; }\n"
        + "public Probe create(NoParameters p, ProbeContext c) { return s -> { if (s.checkpoint().index() == 1) throw new IllegalStateException(\"flaky at 1\");"
        + " return new Measurements(c.name(), s.checkpoint()).scalar(\"ok\", null, 1).list(); }; }");
    plainProbe(folder.resolve("stalls.jar"), "Stalls", "public String name() { return \"stalls\"; }\n"
        + "public String description() { return \"spins at checkpoint 2\"; }\n"
        + "public Probe create(NoParameters p, ProbeContext c) { return s -> { if (s.checkpoint().index() == 2) { while (true) { Thread.onSpinWait(); } }"
        + " return new Measurements(c.name(), s.checkpoint()).scalar(\"ok\", null, 1).list(); }; }");
    Path out = dir.resolve("failing-run");
    List<String> args = run(out, folder, "[accuracy, flaky, stalls, sparsity]", "[csv]");
    args.addAll(List.of("--set", "checkpoints.probeBudgetSeconds=2"));
    Run r = dsdl(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    JsonNode manifest = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    JsonNode failures = manifest.get("probeFailures");
    assertThat(failures).anySatisfy(f -> {
      assertThat(f.get("probe").asText()).isEqualTo("flaky");
      assertThat(f.get("checkpoint").asInt()).isEqualTo(1);
      assertThat(f.get("error").asText()).contains("flaky at 1");
    });
    assertThat(failures).anySatisfy(f -> {
      assertThat(f.get("probe").asText()).isEqualTo("stalls");
      assertThat(f.get("checkpoint").asInt()).isEqualTo(2);
      assertThat(f.get("error").asText()).contains("ran past its budget of 2.0 s");
    });
    int checkpoints = manifest.get("checkpoints").size();
    List<JsonNode> ms = metrics(out);
    assertThat(ms.stream().filter(m -> m.get("probe").asText().equals("flaky"))).hasSize(checkpoints - 1);
    assertThat(ms.stream().filter(m -> m.get("probe").asText().equals("sparsity") && m.get("layer").asText().equals("fc1")
        && m.get("metric").asText().equals("sparsity"))).hasSize(checkpoints);
    assertThat(ms.stream().filter(m -> m.get("metric").asText().equals("test_accuracy"))).hasSize(checkpoints);
  }
}
