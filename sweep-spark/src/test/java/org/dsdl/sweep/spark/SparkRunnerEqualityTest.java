package org.dsdl.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.MessageType;
import org.dsdl.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same numbers on every runner: a tiny sweep (vgg-tiny, 2 conditions × 2 seeds, 12 steps) through
 * the local runner and through the spark runner (embedded local[2]), both two runs at a time with
 * one engine thread each, gives bit-identical measurements: every run's metrics, results.csv and
 * summary.csv. The spark sweep sends its run directories to another output URI
 * ({@code spark.dsdl.output}), so the copies through Hadoop's FileSystem both ways are exercised;
 * its results.parquet holds exactly results.csv's rows.
 */
class SparkRunnerEqualityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result dsdl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  static Path tinySweep(Path dir) throws Exception {
    Path f = dir.resolve("tiny.yaml");
    Files.writeString(f, """
        base:
          dataset: {type: tokens, trainPerClass: 20, testPerClass: 10, minPerClass: 10}
          model: {preset: vgg-tiny}
          training: {steps: 12, batchSize: 16}
          checkpoints: {every: 6, earlyLogSpaced: false}
          probeSet: {perClass: 10}
          probes: [accuracy, rsa]
          visualizers: [csv]
        seeds: [1, 2]
        conditions:
          - {name: clean, set: {dataset.noise: 0.0}}
          - {name: noisy, set: {dataset.noise: 0.3}}
        """);
    return f;
  }

  @Test
  void localAndSparkGiveTheSameNumbers() throws Exception {
    Path file = tinySweep(dir);
    Path local = dir.resolve("local");
    long t0 = System.nanoTime();
    Result l = dsdl("sweep", file.toString(), "--out", local.toString(), "--runner", "local", "--parallel", "2", "--no-progress");
    double localSeconds = (System.nanoTime() - t0) / 1e9;
    assertThat(l.code()).as(l.err()).isZero();

    Path spark = dir.resolve("spark");
    Path elsewhere = dir.resolve("elsewhere");
    System.setProperty(SparkSweepRunner.OUTPUT, elsewhere.toUri().toString());
    Result s;
    long t1 = System.nanoTime();
    try {
      s = dsdl("sweep", file.toString(), "--out", spark.toString(), "--runner", "spark", "--parallel", "2", "--no-progress");
    } finally {
      System.clearProperty(SparkSweepRunner.OUTPUT);
    }
    double sparkSeconds = (System.nanoTime() - t1) / 1e9;
    System.out.printf("tiny sweep wall time: local %.1f s, spark local[2] %.1f s%n", localSeconds, sparkSeconds);
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("4 runs: 4 completed, 0 failed or with probe failures, 0 not finished");

    JsonNode manifest = JSON.readTree(spark.resolve("sweep.json").toFile());
    assertThat(manifest.get("runner").asText()).isEqualTo("spark");
    assertThat(manifest.get("threadsPerRun").asInt()).isEqualTo(JSON.readTree(local.resolve("sweep.json").toFile()).get("threadsPerRun").asInt());
    assertThat(manifest.get("outputs").toString()).contains("\"results.parquet\"");
    List<String> names = new ArrayList<>();
    manifest.get("runs").forEach(e -> names.add(e.get("name").asText()));
    assertThat(names).containsExactly("clean_seed-1", "clean_seed-2", "noisy_seed-1", "noisy_seed-2");
    for (String name : names) {
      for (String f : List.of("metrics.csv", "metrics.jsonl")) {
        assertThat(Files.readAllBytes(spark.resolve("runs").resolve(name).resolve(f))).as(name + "/" + f)
            .isEqualTo(Files.readAllBytes(local.resolve("runs").resolve(name).resolve(f)));
        assertThat(Files.readAllBytes(elsewhere.resolve("runs").resolve(name).resolve(f))).as("output URI " + name + "/" + f)
            .isEqualTo(Files.readAllBytes(local.resolve("runs").resolve(name).resolve(f)));
      }
      assertThat(JSON.readTree(spark.resolve("runs").resolve(name).resolve("run.json").toFile()).get("status").asText()).isEqualTo("COMPLETED");
    }
    for (String f : List.of("results.csv", "summary.csv")) {
      assertThat(Files.readAllBytes(spark.resolve(f))).as(f).isEqualTo(Files.readAllBytes(local.resolve(f)));
      assertThat(Files.readAllBytes(elsewhere.resolve(f))).as("output URI " + f).isEqualTo(Files.readAllBytes(local.resolve(f)));
    }
    assertThat(Files.readAllBytes(elsewhere.resolve("sweep.json"))).isEqualTo(Files.readAllBytes(spark.resolve("sweep.json")));
    assertThat(Files.readAllBytes(elsewhere.resolve("results.parquet"))).isEqualTo(Files.readAllBytes(spark.resolve("results.parquet")));
    try (Stream<Path> all = Stream.concat(Files.walk(spark), Files.walk(elsewhere))) {
      assertThat(all.map(p -> p.getFileName().toString())).as("no Hadoop checksum files, no half copies")
          .noneMatch(n -> n.endsWith(".crc") || n.contains(".incoming-") || n.contains(".old-") || n.startsWith("part-"));
    }

    // results.parquet: results.csv's rows and columns, typed
    List<String> csv = Files.readAllLines(local.resolve("results.csv"));
    List<String> parquet = new ArrayList<>();
    MessageType schema;
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(spark.resolve("results.parquet").toUri()))
        .withConf(new Configuration()).build()) {
      Group g = reader.read();
      schema = g == null ? null : (MessageType) g.getType();
      for (; g != null; g = reader.read()) {
        parquet.add(String.join(",", g.getString("run", 0), g.getString("condition", 0), Double.toString(g.getDouble("dataset.noise", 0)),
            Long.toString(g.getLong("seed", 0)), Integer.toString(g.getInteger("checkpoint", 0)), Long.toString(g.getLong("step", 0)),
            g.getString("probe", 0), g.getString("metric", 0), g.getFieldRepetitionCount("layer") == 0 ? "" : g.getString("layer", 0),
            Double.toString(g.getDouble("value", 0))));
      }
    }
    assertThat(schema).isNotNull();
    assertThat(schema.getFields().stream().map(f -> f.getName()).toList()).containsExactly("run", "condition", "dataset.noise", "seed",
        "checkpoint", "step", "epoch", "probe", "metric", "layer", "label", "value");
    assertThat(csv.get(0)).isEqualTo("run,condition,dataset.noise,seed,checkpoint,step,epoch,probe,metric,layer,label,value");
    List<String> expected = new ArrayList<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] c = line.split(",", -1);
      expected.add(String.join(",", c[0], c[1], Double.toString(Double.parseDouble(c[2])), c[3], c[4], c[5], c[7], c[8], c[9],
          Double.toString(Double.parseDouble(c[11]))));
    }
    assertThat(parquet).hasSize(csv.size() - 1).isEqualTo(expected);
  }
}
