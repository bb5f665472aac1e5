package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects found by outside users and a fault injector, each checked through the packaged launcher
 * on the module path, where some of them lived: files dsdl did not write are never touched, names
 * cannot escape the run directory, SIGTERM saves state, a full disk is one clear line, and the
 * everyday output is clean.
 */
class HardeningIT {
  private static final String[] TINY = {"--set", "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}",
      "--set", "training.epochs=1", "--set", "model.preset=vgg-tiny"};
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private Launcher dsdl;

  @BeforeEach
  void setUp() {
    dsdl = new Launcher(dir);
  }

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static String[] run(Path out, String... more) {
    return with(with(new String[] {"run", "--out", out.toString()}, TINY), more);
  }

  private static void assertOneCleanLine(Launcher.Result r) {
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("internal error").doesNotContain("Exception in thread");
  }

  @Test
  void forceNeverDeletesFilesThatDsdlDidNotWrite() throws Exception {
    Path p = dir.resolve("p");
    Files.createDirectories(p.resolve("figures"));
    Files.createDirectories(p.resolve("state"));
    Files.writeString(p.resolve("figures/fig1.svg"), "x");
    Files.writeString(p.resolve("state/db.txt"), "y");
    Files.writeString(p.resolve("metrics.jsonl"), "z");
    Launcher.Result r = dsdl.run(run(p, "--force"));
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("holds files that dsdl did not write (metrics.jsonl, state, figures)");
    assertOneCleanLine(r);
    assertThat(Files.readString(p.resolve("figures/fig1.svg"))).isEqualTo("x");
    assertThat(Files.readString(p.resolve("state/db.txt"))).isEqualTo("y");
    assertThat(Files.readString(p.resolve("metrics.jsonl"))).isEqualTo("z");
    assertThat(p.resolve("run.json")).doesNotExist();

    // replacing a real run keeps what the user added to it
    Path run = dir.resolve("run");
    assertThat(dsdl.run(run(run, "--set", "visualizers=[csv, png]")).code()).isZero();
    Files.writeString(run.resolve("figures/mine.txt"), "mine");
    Files.writeString(run.resolve("notes.txt"), "notes");
    Launcher.Result again = dsdl.run(run(run, "--force", "--set", "visualizers=[csv]"));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Files.readString(run.resolve("figures/mine.txt"))).isEqualTo("mine");
    assertThat(Files.readString(run.resolve("notes.txt"))).isEqualTo("notes");
    try (var figures = Files.list(run.resolve("figures"))) {
      assertThat(figures.map(f -> f.getFileName().toString())).as("the first run's figures are gone, the user's file stays")
          .containsExactly("mine.txt");
    }
    assertThat(JSON.readTree(run.resolve("run.json").toFile()).get("outputs").toString()).isEqualTo("[\"metrics.csv\"]");
  }

  @Test
  void aPluginNameCannotReachOutsideTheRunDirectory() throws Exception {
    Path victim = dir.resolve("victim.txt");
    Files.writeString(victim, "keep");
    Path out = dir.resolve("sub/out");
    for (String name : new String[] {victim.toString(), "../../../x", "..", "a/b", "x\u001b[2J"}) {
      Launcher.Result r = dsdl.run(run(out, "--set", "probes=[accuracy, {type: cka, name: \"" + name.replace("\u001b", "\\e") + "\"}]"));
      assertThat(r.code()).as(name).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).contains("probes[1]: name '").contains("is not allowed; a name is 1 to 64 letters, digits");
      assertThat(r.err()).doesNotContain("\u001b");
      assertOneCleanLine(r);
    }
    assertThat(Files.readString(victim)).isEqualTo("keep");
    assertThat(dir.resolve("sub")).doesNotExist();
    assertThat(dir.getParent().resolve("x")).doesNotExist();
  }

  @Test
  void aForeignMetricsFileIsRefusedBeforeTraining() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("metrics.jsonl"), "{\"mine\": 1}\n");
    Files.writeString(out.resolve("report.html"), "<p>mine</p>");
    Launcher.Result r = dsdl.run(run(out));
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("holds files that dsdl did not write (metrics.jsonl, report.html)");
    assertThat(r.err()).doesNotContain("model vgg-tiny"); // refused before the model was built
    assertThat(Files.readString(out.resolve("metrics.jsonl"))).isEqualTo("{\"mine\": 1}\n");
    assertThat(Files.readString(out.resolve("report.html"))).isEqualTo("<p>mine</p>");
    try (var files = Files.list(out)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void sigtermSavesStateAndResumeOfALiveRunSaysItIsInUse() throws Exception {
    Path out = dir.resolve("run");
    Process p = dsdl.start("long", "run", "--out", out.toString(), "--set",
        "dataset={type: tokens, trainPerClass: 100, testPerClass: 10, minPerClass: 100}", "--set", "training.epochs=40",
        "--set", "model.preset=vgg-tiny", "--set", "probes=[accuracy]", "--set", "visualizers=[csv]");
    Path trainer = out.resolve("state/trainer.json");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline && p.isAlive()
        && !(Files.exists(trainer) && JSON.readTree(Files.readString(trainer)).path("nextCheckpoint").asInt() >= 3)) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the run is still training").isTrue();

    Launcher.Result busy = dsdl.run("run", "--resume", out.toString());
    assertThat(busy.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(busy.err()).contains("is in use by another dsdl process").doesNotContain("missing");

    p.destroy(); // SIGTERM
    Launcher.Result stopped = dsdl.result("long", p);
    assertThat(stopped.code()).as(stopped.err()).isEqualTo(ExitCodes.TERMINATED);
    JsonNode manifest = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(manifest.get("error").asText()).contains("SIGTERM").contains("dsdl run --resume");

    Launcher.Result resumed = dsdl.run("run", "--resume", out.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(JSON.readTree(out.resolve("run.json").toFile()).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aFullDiskIsOneClearLineAndTheRunResumesOnceThereIsSpace() throws Exception {
    Path disk = dir.resolve("disk");
    Files.createDirectories(disk);
    Assumptions.assumeTrue(mount(disk, "size=700k"), "mounting a small tmpfs needs root");
    try {
      Path out = disk.resolve("run");
      Launcher.Result r = dsdl.run(run(out, "--set", "training.epochs=3"));
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RUN_FAILED);
      assertThat(r.err()).contains("dsdl: no space left on device").contains("dsdl run --resume");
      assertOneCleanLine(r);
      assertThat(r.err()).doesNotContain("NullPointerException").doesNotContain("StreamCloser");

      assertThat(new ProcessBuilder("mount", "-o", "remount,size=64m", disk.toString()).start().waitFor()).isZero();
      Launcher.Result resumed = dsdl.run("run", "--resume", out.toString());
      assertThat(resumed.code()).as(resumed.err()).isZero();
    } finally {
      new ProcessBuilder("umount", disk.toString()).start().waitFor();
    }
  }

  private static boolean mount(Path at, String options) throws Exception {
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString()).redirectErrorStream(true).start();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void benchJsonWorksFromTheLauncher() throws Exception {
    Launcher.Result r = dsdl.run(with(with(new String[] {"bench"}, TINY), "--steps", "3", "--warmup", "1", "--repeats", "1", "--json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode bench = JSON.readTree(r.out());
    assertThat(bench.isObject()).isTrue();
    assertThat(bench.toString()).contains("samplesPerSecond");
  }

  @Test
  void benchTextStatesTheRunProjectionWithAndWithoutProbes() throws Exception {
    Launcher.Result r = dsdl.run(with(with(new String[] {"bench"}, TINY), "--steps", "3", "--warmup", "1", "--repeats", "1"));
    assertThat(r.code()).as(r.err()).isZero();
    java.util.regex.Matcher all = java.util.regex.Pattern.compile("run projection .* / training = (\\d+\\.\\d\\d)").matcher(r.out());
    java.util.regex.Matcher bare = java.util.regex.Pattern.compile("without probes .* / training = (\\d+\\.\\d\\d)").matcher(r.out());
    assertThat(all.find()).as(r.out()).isTrue();
    assertThat(bare.find()).as(r.out()).isTrue();
    assertThat(Double.parseDouble(bare.group(1))).isGreaterThan(1).isLessThanOrEqualTo(Double.parseDouble(all.group(1)));
  }

  @Test
  void benchStatesTheFloorAndTheRunProjectionFromTheLauncher() throws Exception {
    Launcher.Result r = dsdl.run(with(with(new String[] {"bench"}, TINY), "--steps", "3", "--warmup", "1", "--repeats", "2", "--json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode b = JSON.readTree(r.out());
    double capture = b.at("/captureMs/median").asDouble();
    double forward = b.at("/forwardMs/median").asDouble();
    assertThat(forward).isPositive();
    assertThat(b.get("probeSetSize").asInt()).isEqualTo(50); // 10 held-out exemplars of each of 5 tokens
    assertThat(b.get("captureOverForward").asDouble()).isCloseTo(capture / forward, within(1e-9));
    double training = b.get("runTrainingSeconds").asDouble();
    double checkpoints = b.get("runCheckpointSeconds").asDouble();
    double render = b.get("renderSeconds").asDouble();
    assertThat(render).as("every default visualizer renders a run of the schedule's checkpoints").isPositive();
    assertThat(b.at("/recordMs/median").asDouble()).as("run.json and the saved state at a checkpoint").isPositive();
    // one checkpoint costs at least its capture
    assertThat(checkpoints).isGreaterThanOrEqualTo(b.get("runCheckpoints").asInt() * capture / 1e3);
    assertThat(b.get("runProjection").asDouble()).isCloseTo((training + checkpoints + render) / training, within(1e-9)).isGreaterThan(1);
    double records = b.at("/recordMs/median").asDouble();
    double withoutProbes = (training + b.get("runCheckpoints").asInt() * (capture + records) / 1e3 + render) / training;
    assertThat(b.get("runProjectionWithoutProbes").asDouble()).isCloseTo(withoutProbes, within(1e-9))
        .isGreaterThan(1).isLessThanOrEqualTo(b.get("runProjection").asDouble());
  }

  @Test
  void classNamesWithControlCharactersAreEscapedInTheTerminalAndTheLog() throws Exception {
    Path data = dir.resolve("data");
    String evil = "evil\u001b[2Jname\nINFO forged";
    for (String cls : new String[] {"plain", evil}) {
      Files.createDirectories(data.resolve(cls));
      for (int i = 0; i < 12; i++) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(i % 8, cls.length() % 8, 0, 255);
        ImageIO.write(img, "png", data.resolve(cls).resolve("img" + i + ".png").toFile());
      }
    }
    Path out = dir.resolve("run");
    Launcher.Result r = dsdl.run("run", "--out", out.toString(), "--set", "model.preset=vgg-tiny", "--set", "training.epochs=1",
        "--set", "dataset={type: folder, directory: '" + data + "', minPerClass: 5, testFraction: 0.25}", "--set", "probes=[accuracy]",
        "--set", "visualizers=[csv]");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err() + r.out()).doesNotContain("\u001b").contains("evil\\u001b[2Jname\\nINFO forged");
    assertThat(r.err().lines()).noneMatch(l -> l.startsWith("INFO forged"));
  }

  @Test
  void everydayOutputIsClean() throws Exception {
    Launcher.Result unknown = dsdl.run("nope");
    assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknown.err()).contains("Try 'dsdl --help'.").doesNotContain("dsdl dsdl");
    Launcher.Result sub = dsdl.run("run", "--nope");
    assertThat(sub.err()).contains("Try 'dsdl run --help'.");

    Launcher.Result describe = dsdl.run("describe", "coupling-graph");
    assertThat(describe.code()).as(describe.err()).isZero();
    // every parameter line has its type column at the same offset, however long the longest name
    var rows = describe.out().lines().filter(l -> l.startsWith("    ") && l.contains(" default ")).toList();
    assertThat(rows).hasSizeGreaterThan(3);
    var typeColumn = rows.stream().map(l -> {
      String name = l.substring(4, l.indexOf(' ', 4));
      int i = 4 + name.length();
      while (l.charAt(i) == ' ') {
        i++;
      }
      return i;
    }).distinct().toList();
    assertThat(typeColumn).hasSize(1);

    Path out = dir.resolve("run");
    Launcher.Result run = dsdl.run(run(out, "--set", "visualizers=[csv, png]"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err().lines().filter(l -> l.contains("png:"))).as("one summary line for the png visualizer")
        .singleElement().asString().containsPattern("png: wrote \\d+ files in .*figures");
  }

  @Test
  void theLauncherHidesTensorFlowsStartUpLinesOnATerminal() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) && Files.isExecutable(Path.of("/usr/bin/perl")),
        "needs script(1) for a terminal and perl for the filter");
    Path launcher = Path.of("..", "dsdl").toAbsolutePath().normalize();
    Path out = dir.resolve("run");
    StringBuilder line = new StringBuilder(launcher.toString());
    for (String arg : run(out, "--set", "visualizers=[csv]", "--set", "probes=[accuracy]")) {
      line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
    }
    Process p = new ProcessBuilder("/usr/bin/script", "-qec", line.toString(), "/dev/null").redirectErrorStream(true)
        .redirectOutput(dir.resolve("tty.txt").toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String tty = Files.readString(dir.resolve("tty.txt"));
    assertThat(p.exitValue()).as(tty).isZero();
    assertThat(tty).contains("model vgg-tiny").contains("completed, ")
        .doesNotContain("absl::InitializeLog").doesNotContain("MLIR V1 optimization pass");
    // the same run without a terminal keeps every line (logs and CI see what TensorFlow said)
    Launcher.Result plain = dsdl.run(run(dir.resolve("run2"), "--set", "visualizers=[csv]", "--set", "probes=[accuracy]"));
    assertThat(plain.err()).contains("absl::InitializeLog");
  }

  @Test
  void svgOutputNeedsTheUnbundledGplJarAndSaysSoBeforeTraining() throws Exception {
    try (var lib = Files.list(Path.of("target/lib"))) {
      assertThat(lib.map(f -> f.getFileName().toString())).as("JFreeSVG (GPL-3.0-or-later) is not bundled")
          .noneMatch(n -> n.startsWith("org.jfree.svg"));
    }
    Path out = dir.resolve("run");
    Launcher.Result r = dsdl.run(run(out, "--set", "visualizers=[csv, {type: png, svg: true}]"));
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("svg: true needs JFreeSVG, which dsdl does not bundle").contains("org.jfree.svg-5.0.6.jar");
    assertOneCleanLine(r);
    assertThat(out).doesNotExist();
  }
}
