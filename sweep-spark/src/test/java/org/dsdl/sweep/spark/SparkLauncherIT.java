package org.dsdl.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark runner as a user starts it, from the packaged artifacts (failsafe, after package):
 * {@code ./dsdl sweep --runner spark} hands over to the Spark launcher (embedded local[N]); the plain
 * launcher's module path carries no Spark jar; the {@code -submit} jar runs beside Spark's jars
 * alone, as {@code spark-submit} puts it.
 */
class SparkLauncherIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  private Result exec(String name, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().put("DSDL_NO_BUILD", "1");
    pb.environment().remove("DSDL_JAVA_OPTS");
    Process p = pb.start();
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(name + " did not end within 6 minutes");
    }
    return new Result(p.exitValue(), Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8));
  }

  private Path sweep(int seeds) throws IOException {
    Path f = dir.resolve("two.yaml");
    Files.writeString(f, """
        base:
          dataset: {type: tokens, trainPerClass: 20, testPerClass: 10, minPerClass: 10}
          model: {preset: vgg-tiny}
          training: {steps: 12, batchSize: 16}
          checkpoints: {every: 6, earlyLogSpaced: false}
          probeSet: {perClass: 10}
          probes: [accuracy]
          visualizers: [csv]
        seeds: %d
        conditions:
          - {name: clean, set: {dataset.noise: 0.0}}
        """.formatted(seeds));
    return f;
  }

  private static void assertParquet(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
  }

  @Test
  void dsdlSweepRunnerSparkRunsEmbeddedAndQuietly() throws Exception {
    Path file = sweep(2);
    Path out = dir.resolve("study");
    Result r = exec("dsdl", List.of(ROOT.resolve("dsdl").toString(), "sweep", file.toString(), "--runner", "spark", "--parallel", "2",
        "--out", out.toString(), "--no-progress"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 runs: 2 completed, 0 failed or with probe failures, 0 not finished");
    assertThat(r.err()).contains("Spark 4.2.0 started on local[2] in ").contains("run clean_seed-2 completed in ");
    assertThat(r.err().lines()).as("Spark's and Hadoop's INFO lines are not shown")
        .noneMatch(l -> l.contains("SparkContext") || l.contains("BlockManager") || l.contains("MemoryStore") || l.contains("Running Spark version"));
    JsonNode manifest = JSON.readTree(out.resolve("sweep.json").toFile());
    assertThat(manifest.get("runner").asText()).isEqualTo("spark");
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    assertParquet(out.resolve("results.parquet"));
    assertThat(out.resolve("runs/clean_seed-1/metrics.csv")).isRegularFile();
  }

  @Test
  void thePlainLauncherCarriesNoSparkJar() throws IOException {
    try (Stream<Path> lib = Files.list(ROOT.resolve("app/target/lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString())).isNotEmpty()
          .noneMatch(n -> n.startsWith("spark-") || n.startsWith("scala-") || n.startsWith("hadoop-") || n.startsWith("parquet-"));
    }
  }

  @Test
  void theSubmitJarRunsBesideSparksJarsAlone() throws Exception {
    Path jar = MODULE.resolve("target/dsdl-sweep-spark-submit.jar");
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("org.dsdl.sweep.spark.SparkMain");
      assertThat(new String(j.getInputStream(j.getEntry("META-INF/services/org.dsdl.app.sweep.SweepRunnerProvider")).readAllBytes(),
          StandardCharsets.UTF_8)).contains("org.dsdl.sweep.spark.SparkSweepRunnerProvider");
      assertThat(new String(j.getInputStream(j.getEntry("META-INF/services/org.dsdl.api.model.EngineProvider")).readAllBytes(),
          StandardCharsets.UTF_8)).contains("tensorflow");
      assertThat(j.stream().map(e -> e.getName())).as("Spark is provided; the cluster's logging rules")
          .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/") || n.startsWith("ch/qos/logback/") || n.equals("log4j2.properties"));
    }
    // spark-submit's class path: Spark's jars, then the application jar
    String spark = Files.readString(MODULE.resolve("target/classpath/spark.txt")).strip();
    Path out = dir.resolve("submitted");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
        "-cp", spark + ":" + jar, "org.dsdl.sweep.spark.SparkMain", "sweep", sweep(1).toString(), "--runner", "spark", "--master", "local[1]",
        "--out", out.toString(), "--no-progress"));
    Result r = exec("submit", cmd);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 runs: 1 completed");
    assertParquet(out.resolve("results.parquet"));
  }
}
