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
 * the example probe and visualizer measured and drawn, the example architecture trained, and each kind of plugin failure contained.
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
    return dsdlWith(List.of(), args);
  }

  /** dsdl with {@code extra} jars on its module path too, as a distribution that bundles a plugin would run. */
  static Run dsdlWith(List<Path> extra, String... args) throws IOException, InterruptedException {
    StringBuilder modulePath = new StringBuilder(APP.resolve("dsdl-app.jar") + ":" + APP.resolve("lib"));
    extra.forEach(p -> modulePath.append(':').append(p));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "--module-path", modulePath.toString(),
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

  /**
   * Compiles {@code sources} (path → text) and packs them, with {@code resources}, into {@code jar}:
   * a modular jar against {@code modulePath} when there is a {@code module-info.java}, else a plain
   * jar against the api jar and {@code modulePath} (may be null) as a class path.
   */
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
    args.addAll(modular ? List.of("--module-path", modulePath)
        : List.of("-cp", apiJar() + (modulePath == null ? "" : ":" + modulePath)));
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
    return plainProbe(jar, className, body, null);
  }

  /** As {@link #plainProbe(Path, String, String)}, compiled against {@code classPath} too. */
  static Path plainProbe(Path jar, String className, String body, String classPath) throws IOException {
    String pkg = "fixture." + className.toLowerCase(java.util.Locale.ROOT);
    String source = "package " + pkg + ";\n"
        + "import java.util.List;\n"
        + "import org.dsdl.api.measure.*;\nimport org.dsdl.api.plugin.*;\nimport org.dsdl.api.probe.*;\n"
        + "public final class " + className + " implements ProbeProvider<NoParameters>, WithoutParameters {\n" + body + "\n}\n";
    return jar(jar, Map.of(pkg.replace('.', '/') + "/" + className + ".java", source),
        Map.of("META-INF/services/org.dsdl.api.probe.ProbeProvider", pkg + "." + className + "\n"), classPath);
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
      assertThat(s.map(p -> p.getFileName().toString())).contains("sparsity-probe-1.0.jar", "markdown-visualizer-1.0.jar", "lenet5-architecture-1.0.jar");
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
    assertThat(describe.out()).contains("unit_sparsity (vector, per layer): over units: each unit's fraction of zero activations");
  }

  /** LeNet-5 for 32x32x1 and 5 classes, counted by hand: 156 + 2,416 + 123,000 (8x8x16 = 1,024 inputs) + 10,164 + 425. */
  static final long LENET5_PARAMETERS = (5 * 5 * 1 * 6 + 6) + (5 * 5 * 6 * 16 + 16) + (8 * 8 * 16 * 120 + 120) + (120 * 84 + 84) + (84 * 5 + 5);

  @Test
  void theExampleArchitectureIsListedDescribedAndTrained() throws Exception {
    assertThat(LENET5_PARAMETERS).isEqualTo(136_161);
    Run list = dsdl("list", "--json", "--plugins", EXAMPLES.toString());
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode architectures = JSON.readTree(list.out()).get("architectures");
    assertThat(architectures.findValuesAsText("name")).contains("vgg", "resnet-mini", "lenet5");
    assertThat(architectures).filteredOn(a -> a.get("name").asText().equals("lenet5")).singleElement().satisfies(a -> {
      assertThat(a.get("kind").asText()).isEqualTo("architecture");
      assertThat(a.get("origin").asText()).endsWith("lenet5-architecture-1.0.jar");
      assertThat(a.get("version").asText()).isEqualTo("1.0");
      assertThat(a.get("parameters")).isEmpty();
      assertThat(a.get("parameterCount").asLong()).isEqualTo(LENET5_PARAMETERS);
    });

    Run describe = dsdl("describe", "lenet5", "--plugins", EXAMPLES.toString());
    assertThat(describe.code()).as(describe.err()).isZero();
    assertThat(describe.out()).contains("lenet5 (architecture) — LeNet-5").contains("lenet5-architecture-1.0.jar, version 1.0")
        .contains("136,161 parameters").contains("parameters: none").containsPattern("fc1 +dense +\\[120\\] +123,000");

    Path out = dir.resolve("lenet5-run");
    List<String> args = new ArrayList<>(List.of("run", "--plugins", EXAMPLES.toString(), "--out", out.toString(), "--no-progress",
        "--set", "model={type: lenet5}"));
    args.addAll(TINY);
    Run r = dsdl(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode manifest = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(manifest.at("/model/parameterCount").asLong()).isEqualTo(LENET5_PARAMETERS);
    assertThat(manifest.at("/model/layers").findValuesAsText("name")).containsExactly("conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "logits");
    assertThat(metrics(out).stream().filter(m -> m.get("metric").asText().equals("test_accuracy"))).hasSize(manifest.get("checkpoints").size());
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

  // ---- a modular plugin whose module-info does not open its parameter record's package (issue 13, item 14) ----

  /**
   * Probe {@code scaled}: its parameter record (package {@code fixture.scaled.params}) has a
   * component of an enum in yet another package; the module-info opens neither.
   */
  static Path probeWithClosedParameters(Path jar) throws IOException {
    return jar(jar, Map.of(
        "module-info.java", "module fixture.scaled { requires org.dsdl.api;"
            + " provides org.dsdl.api.probe.ProbeProvider with fixture.scaled.ScaledProbeProvider; }",
        "fixture/scaled/mode/Mode.java", "package fixture.scaled.mode; public enum Mode { PLAIN, SQUARED }",
        "fixture/scaled/params/ScaledParameters.java", "package fixture.scaled.params;\n"
            + "import org.dsdl.api.plugin.Param;\nimport fixture.scaled.mode.Mode;\n"
            + "public record ScaledParameters(@Param(\"the value written\") double factor, @Param(\"PLAIN or SQUARED\") Mode mode) {\n"
            + "  public ScaledParameters { if (!(factor > 0)) throw new IllegalArgumentException(\"factor must be > 0, got \" + factor); }\n}\n",
        "fixture/scaled/ScaledProbeProvider.java", "package fixture.scaled;\n"
            + "import java.util.List;\nimport org.dsdl.api.measure.*;\nimport org.dsdl.api.probe.*;\nimport org.dsdl.api.snapshot.Snapshot;\n"
            + "import fixture.scaled.mode.Mode;\nimport fixture.scaled.params.ScaledParameters;\n"
            + "public final class ScaledProbeProvider implements ProbeProvider<ScaledParameters> {\n"
            + "  public String name() { return \"scaled\"; }\n"
            + "  public String description() { return \"writes its factor (squared if asked) at every checkpoint\"; }\n"
            + "  public ScaledParameters defaultParameters() { return new ScaledParameters(1.0, Mode.PLAIN); }\n"
            + "  public Probe create(ScaledParameters p, ProbeContext c) {\n"
            + "    double v = p.mode() == Mode.SQUARED ? p.factor() * p.factor() : p.factor();\n"
            + "    return new Probe() {\n"
            + "      public LayerSelection layers() { return LayerSelection.none(); }\n"
            + "      public List<Measurement> measure(Snapshot s) { return new Measurements(c.name(), s.checkpoint()).scalar(\"scaled\", null, v).list(); }\n"
            + "    };\n  }\n}\n"), Map.of(), APP.resolve("lib").toString());
  }

  static final String SCALED = "{type: scaled, factor: 1.5, mode: SQUARED}";

  @Test
  void aPluginFolderModuleNeedNotOpenItsParameterRecord() throws Exception {
    Path folder = dir.resolve("closed-parameters");
    probeWithClosedParameters(folder.resolve("scaled.jar"));
    Run list = dsdl("list", "--plugins", folder.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).containsPattern("scaled .*\\[.*scaled.jar");
    Run describe = dsdl("describe", "scaled", "--plugins", folder.toString());
    assertThat(describe.code()).as(describe.err()).isZero();
    assertThat(describe.out()).containsPattern("factor +double +default 1.0 +the value written").containsPattern("mode +.*Mode +default \"PLAIN\"");
    Run validate = dsdl("validate", "--plugins", folder.toString(), "--set", "probes=[accuracy, " + SCALED + "]");
    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("SQUARED");
    Run invalid = dsdl("validate", "--plugins", folder.toString(), "--set", "probes=[{type: scaled, factor: -1}]");
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err()).contains("factor must be > 0, got -1.0").doesNotContain("internal error");
    Path out = dir.resolve("closed-parameters-run");
    Run r = dsdl(run(out, folder, "[accuracy, " + SCALED + "]", "[csv]").toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(metrics(out).stream().filter(m -> m.get("metric").asText().equals("scaled")))
        .isNotEmpty().allSatisfy(m -> assertThat(m.get("value").asDouble()).isEqualTo(2.25));
  }

  @Test
  void aModuleOnTheModulePathThatDoesNotOpenItsParameterRecordIsSkippedWithAHint() throws Exception {
    Path jar = probeWithClosedParameters(dir.resolve("module-path/scaled.jar"));
    String hint = "plugin 'scaled' (" + jar + "): its parameter record fixture.scaled.params.ScaledParameters needs packages"
        + " fixture.scaled.params, fixture.scaled.mode, which module fixture.scaled does not open;"
        + " add `opens fixture.scaled.params to com.fasterxml.jackson.databind;` and `opens fixture.scaled.mode to com.fasterxml.jackson.databind;`"
        + " (or `opens PACKAGE;` for each) to its module-info.java";
    Run list = dsdlWith(List.of(jar), "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("! " + hint).contains("accuracy");
    Run describe = dsdlWith(List.of(jar), "describe", "scaled");
    assertThat(describe.code()).isEqualTo(2);
    assertThat(describe.err()).contains("dsdl: probe 'scaled' cannot be used: " + hint).doesNotContain("internal error");
    Run validate = dsdlWith(List.of(jar), "validate", "--set", "probes=[accuracy, " + SCALED + "]");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err()).contains("dsdl: probe 'scaled' cannot be used: " + hint).doesNotContain("internal error");
    Run other = dsdlWith(List.of(jar), "validate", "--set", "probes=[accuracy]");
    assertThat(other.code()).as(other.err()).isZero();
  }

  // ---- missing dependencies (item 15) ----

  @Test
  void aPlainJarMissingAClassIsDisabledAfterItsFirstFailure() throws Exception {
    Path helper = jar(dir.resolve("elsewhere/helper.jar"), Map.of("helper/Helper.java",
        "package helper; public class Helper { public static double value() { return 1; } }"), Map.of(), null);
    Path folder = dir.resolve("plain-missing");
    plainProbe(folder.resolve("needy.jar"), "Needy", "public String name() { return \"needy\"; }\n"
        + "public String description() { return \"needs helper.jar\"; }\n"
        + "public Probe create(NoParameters p, ProbeContext c) { return s -> new Measurements(c.name(), s.checkpoint())"
        + ".scalar(\"helped\", null, helper.Helper.value()).list(); }", helper.toString());
    Path out = dir.resolve("plain-missing-run");
    Run r = dsdl(run(out, folder, "[accuracy, needy]", "[csv]").toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(4);
    JsonNode failures = JSON.readTree(out.resolve("run.json").toFile()).get("probeFailures");
    List<String> errors = new ArrayList<>();
    failures.forEach(f -> errors.add(f.get("error").asText()));
    assertThat(errors.get(0)).isEqualTo("measuring checkpoint 0 failed: NoClassDefFoundError: helper/Helper (a class the plugin needs"
        + " is missing or does not match: put the jars it depends on in its plugin folder); not called again in this run");
    assertThat(errors.subList(1, errors.size())).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("not called: measuring checkpoint 0 failed"));
    assertThat(r.err()).containsOnlyOnce("WARN  probe 'needy' failed at checkpoint 0: measuring checkpoint 0 failed: NoClassDefFoundError")
        .doesNotContain("WARN  probe 'needy' failed at checkpoint 1");

    // the same at creation: refused before training, in one line
    Path atCreate = dir.resolve("plain-missing-at-create");
    plainProbe(atCreate.resolve("needy-early.jar"), "NeedyEarly", "public String name() { return \"needy-early\"; }\n"
        + "public String description() { return \"needs helper.jar when created\"; }\n"
        + "public Probe create(NoParameters p, ProbeContext c) { double v = helper.Helper.value(); return s -> List.of(); }", helper.toString());
    Run early = dsdl(run(dir.resolve("plain-missing-at-create-run"), atCreate, "[accuracy, needy-early]", "[csv]").toArray(String[]::new));
    assertThat(early.code()).as(early.err()).isEqualTo(2);
    assertThat(early.err()).contains("dsdl: probe 'needy-early' could not be created: NoClassDefFoundError: helper/Helper").doesNotContain("internal error");
  }

  @Test
  void aModularJarMissingAModuleIsNamedWhenItsProbeIsAskedFor() throws Exception {
    Path missing = jar(dir.resolve("elsewhere2/org.nowhere.jar"), Map.of("module-info.java", "module org.nowhere { exports nowhere; }",
        "nowhere/Nothing.java", "package nowhere; public class Nothing {}"), Map.of(), apiJar().toString());
    Path folder = copyExamples(dir.resolve("modular-missing"));
    jar(folder.resolve("needy-module.jar"), Map.of("module-info.java", "module needy.modular { requires org.dsdl.api; requires org.nowhere;"
        + " provides org.dsdl.api.probe.ProbeProvider with needy.NeedyProvider; }",
        "needy/NeedyProvider.java", "package needy;\nimport java.util.List;\nimport org.dsdl.api.plugin.*;\nimport org.dsdl.api.probe.*;\n"
            + "public final class NeedyProvider implements ProbeProvider<NoParameters>, WithoutParameters {\n"
            + "  public String name() { return \"needy-module\"; }\n  public String description() { return \"x\"; }\n"
            + "  public Probe create(NoParameters p, ProbeContext c) { return s -> List.of(); }\n}\n"),
        Map.of(), APP.resolve("lib") + ":" + missing);
    // beside it, a plugin whose dependency is in the folder, as it should be: loaded
    Path library = jar(folder.resolve("org.somewhere.jar"), Map.of("module-info.java", "module org.somewhere { exports somewhere; }",
        "somewhere/Value.java", "package somewhere; public class Value { public static double of() { return 7; } }"), Map.of(), apiJar().toString());
    jar(folder.resolve("uses-library.jar"), Map.of("module-info.java", "module uses.library { requires org.dsdl.api; requires org.somewhere;"
        + " provides org.dsdl.api.probe.ProbeProvider with uses.UsesProvider; }",
        "uses/UsesProvider.java", "package uses;\nimport java.util.List;\nimport org.dsdl.api.plugin.*;\nimport org.dsdl.api.probe.*;\n"
            + "public final class UsesProvider implements ProbeProvider<NoParameters>, WithoutParameters {\n"
            + "  public String name() { return \"uses-library\"; }\n  public String description() { return \"value \" + somewhere.Value.of(); }\n"
            + "  public Probe create(NoParameters p, ProbeContext c) { return s -> List.of(); }\n}\n"),
        Map.of(), APP.resolve("lib") + ":" + library);
    Run fine = dsdl("validate", "--plugins", folder.toString(), "--set", "probes=[accuracy, uses-library, sparsity]");
    assertThat(fine.code()).as(fine.err()).isZero();
    assertThat(fine.err()).contains("needy-module.jar cannot be loaded").doesNotContain("uses-library.jar");
    Run r = dsdl("validate", "--plugins", folder.toString(), "--set", "probes=[accuracy, needy-module]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("dsdl: unknown probe 'needy-module'; available probes: ")
        .contains(", uses-library, weight-coupling (jar needy-module.jar in " + folder.toAbsolutePath().normalize() + " could not be loaded: "
            + "Module org.nowhere not found, required by needy.modular; put the jars it depends on in the same folder)");
  }

  // ---- copies of dsdl's own jars in a plugin folder (item 16) ----

  static Path builtInJar(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(APP.resolve("lib"))) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  @Test
  void copiesOfDsdlsOwnJarsInAPluginFolderAreIgnoredAndNamed() throws Exception {
    Path folder = copyExamples(dir.resolve("copies"));
    Path probes = builtInJar("dsdl-probes-");
    Path api = builtInJar("dsdl-api-");
    Files.copy(probes, folder.resolve(probes.getFileName()));
    Files.copy(api, folder.resolve(api.getFileName()));
    Files.copy(folder.resolve("sparsity-probe-1.0.jar"), folder.resolve("sparsity-probe-1.1.jar"));
    Run list = dsdl("list", "--plugins", folder.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("! plugin jar " + folder.toAbsolutePath().normalize().resolve(probes.getFileName())
            + " is a copy of dsdl's own module org.dsdl.probes (" + probes.toAbsolutePath().normalize() + "); ignored: remove it from the plugin folder")
        .contains("! plugin jar " + folder.toAbsolutePath().normalize().resolve(api.getFileName()) + " is a copy of dsdl's own module org.dsdl.api")
        .contains("! plugin jars " + folder.toAbsolutePath().normalize().resolve("sparsity-probe-1.0.jar") + " and "
            + folder.toAbsolutePath().normalize().resolve("sparsity-probe-1.1.jar") + " are both module org.example.sparsity;"
            + " sparsity-probe-1.1.jar ignored: remove one")
        .containsPattern("accuracy .*\\[built-in\\]")
        .containsPattern("sparsity .*\\[.*sparsity-probe-1.0.jar, version 1.0\\]");
  }

  @Test
  void aPluginNamedAsABuiltInOneIsRefusedNamingBothJars() throws Exception {
    Path folder = dir.resolve("named-accuracy");
    plainProbe(folder.resolve("my-accuracy.jar"), "MyAccuracy", "public String name() { return \"accuracy\"; }\n"
        + "public String description() { return \"mine\"; }\n"
        + "public Probe create(NoParameters p, ProbeContext c) { return s -> List.of(); }");
    Run r = dsdl("list", "--plugins", folder.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("dsdl: two probe plugins are named 'accuracy': built-in (" + builtInJar("dsdl-probes-").toAbsolutePath().normalize()
        + ") and " + folder.toAbsolutePath().normalize().resolve("my-accuracy.jar") + "; remove one");
  }
}
