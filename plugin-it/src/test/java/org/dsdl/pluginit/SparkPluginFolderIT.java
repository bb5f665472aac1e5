package org.dsdl.pluginit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark launcher (dsdl on the class path, beside Spark's jars) with a plugin folder: the
 * example probe, a modular jar that declares its provider in module-info only, measures every run
 * of a sweep on embedded Spark.
 */
class SparkPluginFolderIT {
  static final Path LAUNCHER = Path.of(System.getProperty("dsdl.spark", "../sweep-spark/dsdl-spark"));

  @TempDir
  Path dir;

  @Test
  void theSparkRunnerLoadsAPluginFolderAndItsProbeMeasures() throws Exception {
    Path sweep = Files.writeString(dir.resolve("plugged.yaml"), """
        base:
          dataset: {type: tokens, trainPerClass: 20, testPerClass: 10, minPerClass: 10}
          model: {preset: vgg-tiny}
          training: {steps: 6, batchSize: 16}
          checkpoints: {every: 3, earlyLogSpaced: false}
          probeSet: {perClass: 10}
          probes: [accuracy, sparsity]
          visualizers: [csv]
        seeds: [1]
        """);
    Path out = dir.resolve("out");
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString(), "sweep", sweep.toString(), "--runner", "spark", "--parallel", "1",
        "--plugins", PluginFolderIT.EXAMPLES.toAbsolutePath().toString(), "--out", out.toString(), "--no-progress"))
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the Spark launcher finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    List<String> metrics = Files.readAllLines(out.resolve("runs/base_seed-1/metrics.csv"));
    // checkpoints 0, 3, 6 × the model's layers: one sparsity value each, a fraction of zeros
    List<Double> sparsity = metrics.stream().filter(l -> l.contains(",sparsity,sparsity,")).map(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).toList();
    assertThat(sparsity).isNotEmpty().allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    assertThat(sparsity.size() % 3).as("the same layers at each of the 3 checkpoints").isZero();
    assertThat(Files.readAllLines(out.resolve("results.csv"))).anyMatch(l -> l.contains(",sparsity,sparsity,"));
  }
}
