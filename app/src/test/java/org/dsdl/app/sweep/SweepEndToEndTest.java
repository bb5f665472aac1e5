package org.dsdl.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep on the real TensorFlow engine through the command line: vgg-tiny, 2 conditions × 2
 * seeds, 12 steps each, two runs at a time. Its run directories are those {@code dsdl run} writes,
 * with the same numbers; its tables hold every run's scalars, its findings.csv each finding's count
 * of seeds, its report.html links every run's report; {@code --resume} runs only what is
 * missing; a run that fails is recorded while the others go on.
 */
class SweepEndToEndTest {
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

  private Path sweep(String extra) throws Exception {
    Path f = dir.resolve("tiny-sweep.yaml");
    Files.writeString(f, """
        base:
          dataset: {type: tokens, trainPerClass: 20, testPerClass: 10, minPerClass: 10}
          model: {preset: vgg-tiny}
          training: {steps: 12, batchSize: 16}
          checkpoints: {every: 6, earlyLogSpaced: false}
          probeSet: {perClass: 10}
          probes: [accuracy]
          visualizers: [csv, findings, html]
        seeds: [1, 2]
        grid:
          dataset.trainPerClass: [10, 20]
        """ + extra);
    return f;
  }

  @Test
  void aTinySweepRunsEveryRunAndAggregatesThem() throws Exception {
    Path file = sweep("");
    Result validated = dsdl("validate", file.toString());
    assertThat(validated.code()).as(validated.err()).isZero();
    assertThat(validated.out()).contains("sweep tiny-sweep: 4 runs (2 conditions × 2 seeds)")
        .contains("trainPerClass-10_seed-1  dataset.trainPerClass=10 seed=1; 50 training exemplars, 12 steps, 3 checkpoints")
        .contains("# valid: 4 runs");

    Path out = dir.resolve("study");
    Result r = dsdl("sweep", file.toString(), "--out", out.toString(), "--parallel", "2", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("4 runs: 4 completed, 0 failed or with probe failures, 0 not finished");

    JsonNode manifest = JSON.readTree(out.resolve("sweep.json").toFile());
    assertThat(manifest.get("format").asInt()).isEqualTo(1);
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(manifest.get("runner").asText()).isEqualTo("local");
    assertThat(manifest.get("parallel").asInt()).isEqualTo(2);
    assertThat(manifest.at("/spec/seeds").toString()).isEqualTo("[1,2]");
    assertThat(manifest.at("/spec/base/model/preset").asText()).isEqualTo("vgg-tiny");
    assertThat(manifest.at("/versions/dsdl").asText()).isNotBlank();
    assertThat(manifest.get("outputs").toString()).isEqualTo("[\"results.csv\",\"summary.csv\",\"findings.csv\",\"report.html\"]");
    List<String> names = new ArrayList<>();
    for (JsonNode e : manifest.get("runs")) {
      names.add(e.get("name").asText());
      assertThat(e.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(e.get("exitCode").asInt()).isZero();
      assertThat(e.get("seconds").asDouble()).isPositive();
      JsonNode run = JSON.readTree(out.resolve(e.get("directory").asText()).resolve("run.json").toFile());
      assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(run.get("name").asText()).isEqualTo(e.get("name").asText());
      assertThat(run.get("seed").asLong()).isEqualTo(e.get("seed").asLong());
      assertThat(run.at("/config/dataset/trainPerClass").asInt()).isEqualTo(e.at("/settings/dataset.trainPerClass").asInt());
      assertThat(run.get("checkpoints")).hasSize(3);
    }
    assertThat(names).containsExactly("trainPerClass-10_seed-1", "trainPerClass-10_seed-2", "trainPerClass-20_seed-1",
        "trainPerClass-20_seed-2");

    // a sweep's run is the run dsdl run makes of the same experiment: the same numbers
    Result alone = dsdl("run", file.getParent().resolve("alone.yaml").toString(), "--out", dir.resolve("alone").toString());
    assertThat(alone.code()).isEqualTo(ExitCodes.BAD_INPUT); // no such file yet
    Files.writeString(dir.resolve("alone.yaml"), """
        name: alone
        seed: 2
        dataset: {type: tokens, trainPerClass: 20, testPerClass: 10, minPerClass: 10}
        model: {preset: vgg-tiny}
        training: {steps: 12, batchSize: 16}
        checkpoints: {every: 6, earlyLogSpaced: false}
        probeSet: {perClass: 10}
        probes: [accuracy]
        visualizers: [csv, findings, html]
        """);
    alone = dsdl("run", dir.resolve("alone.yaml").toString(), "--out", dir.resolve("alone").toString());
    assertThat(alone.code()).as(alone.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("runs/trainPerClass-20_seed-2/metrics.csv")))
        .isEqualTo(Files.readAllLines(dir.resolve("alone/metrics.csv")));

    // results.csv: every run's scalars, with the varied key as a column
    List<String> results = Files.readAllLines(out.resolve("results.csv"));
    assertThat(results.get(0)).isEqualTo("run,condition,dataset.trainPerClass,seed,checkpoint,step,epoch,probe,metric,layer,label,value");
    int scalars = 0;
    for (String n : names) {
      scalars += Files.readAllLines(out.resolve("runs").resolve(n).resolve("metrics.csv")).size() - 1;
    }
    long eventLabels = results.stream().skip(1).filter(l -> l.split(",", -1)[10].length() > 0).count();
    assertThat(results.size() - 1 - eventLabels).isEqualTo(scalars);
    Map<String, Double> accuracyAtEnd = new HashMap<>();
    for (String line : results) {
      String[] c = line.split(",", -1);
      if (c[8].equals("test_accuracy") && c[4].equals("2")) {
        accuracyAtEnd.put(c[0], Double.parseDouble(c[11]));
        assertThat(c[1]).isEqualTo(c[0].replaceFirst("_seed-\\d$", ""));
        assertThat(c[2]).isEqualTo(c[0].contains("-10_") ? "10" : "20");
        assertThat(c[5]).isEqualTo("12");
      }
    }
    assertThat(accuracyAtEnd).hasSize(4);
    // class identity onsets: one row per class, with its label
    assertThat(results).anyMatch(l -> l.contains(",accuracy,identity_onset_step,,"));

    // summary.csv: the two seeds' mean, SD and t interval at each checkpoint
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(summary.get(0)).isEqualTo("condition,dataset.trainPerClass,checkpoint,step,probe,metric,layer,label,n,missing,mean,sd,ci_low,ci_high");
    String[] row = summary.stream().map(l -> l.split(",", -1)).filter(c -> c[0].equals("trainPerClass-10") && c[5].equals("test_accuracy")
        && c[2].equals("2")).findFirst().orElseThrow();
    double a = accuracyAtEnd.get("trainPerClass-10_seed-1");
    double b = accuracyAtEnd.get("trainPerClass-10_seed-2");
    double mean = (a + b) / 2;
    double sd = Math.abs(a - b) / Math.sqrt(2);
    assertThat(row[8]).isEqualTo("2");
    assertThat(Double.parseDouble(row[10])).isCloseTo(mean, within(1e-12));
    if (a != b) {
      assertThat(Double.parseDouble(row[11])).isCloseTo(sd, within(1e-12));
      // t(0.975, 1) = 12.7062047361747
      assertThat(Double.parseDouble(row[13])).isCloseTo(mean + 12.7062047361747 * sd / Math.sqrt(2), within(1e-9));
    }
    assertThat(summary.stream().filter(l -> l.contains(",identity_onset_step,"))).as("events are summarised across checkpoints")
        .allMatch(l -> l.split(",", -1)[2].isEmpty());

    // findings.csv: each class's identity onset (the accuracy probe's findings) across the two seeds of each condition
    List<String> findings = Files.readAllLines(out.resolve("findings.csv"));
    assertThat(findings.get(0)).isEqualTo("condition,dataset.trainPerClass,topic,subject,n,held,fraction,emerged,present_at_initialisation,"
        + "not_distinguishable,not_reported,step_n,step_median,step_min,step_max");
    assertThat(findings).hasSize(1 + 2 * 5); // 2 conditions × 5 classes
    for (String line : findings.subList(1, findings.size())) {
      String[] c = line.split(",", -1);
      assertThat(c[2]).isEqualTo("CLASS_IDENTITY");
      assertThat(c[4]).isEqualTo("2");
      assertThat(Integer.parseInt(c[5])).isEqualTo(Integer.parseInt(c[7]) + Integer.parseInt(c[8]));
      assertThat(Integer.parseInt(c[7]) + Integer.parseInt(c[8]) + Integer.parseInt(c[9]) + Integer.parseInt(c[10])).isEqualTo(2);
    }
    assertThat(r.out()).contains("findings across seeds (" + out.resolve("findings.csv") + "): ").contains("  trainPerClass-10 (2 seeds):");
    // report.html: the page with every run's own report linked by its relative path
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report).contains("<title>dsdl sweep: tiny-sweep</title>").contains("\"name\":\"trainPerClass-20_seed-2\"")
        .contains("\"report\":true").doesNotContain("\"report\":false");
    for (String n : names) {
      assertThat(out.resolve("runs").resolve(n).resolve("report.html")).exists();
    }

    // --resume: the finished runs are skipped; a run whose directory is gone runs again, to the same numbers
    String missing = "trainPerClass-20_seed-1";
    List<String> before = Files.readAllLines(out.resolve("runs").resolve(missing).resolve("metrics.csv"));
    byte[] kept = Files.readAllBytes(out.resolve("runs/trainPerClass-10_seed-1/run.json"));
    deleteTree(out.resolve("runs").resolve(missing));
    ObjectNode edited = (ObjectNode) JSON.readTree(out.resolve("sweep.json").toFile());
    for (JsonNode e : edited.get("runs")) {
      if (e.get("name").asText().equals(missing)) {
        ((ObjectNode) e).putNull("status");
      }
    }
    edited.put("status", "RUNNING");
    Files.writeString(out.resolve("sweep.json"), edited.toPrettyString());
    Result resumed = dsdl("sweep", "--resume", out.toString(), "--no-progress");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve("runs/trainPerClass-10_seed-1/run.json"))).as("a finished run is not touched").isEqualTo(kept);
    assertThat(Files.readAllLines(out.resolve("runs").resolve(missing).resolve("metrics.csv"))).isEqualTo(before);
    assertThat(Files.readAllLines(out.resolve("results.csv"))).isEqualTo(results);
    assertThat(JSON.readTree(out.resolve("sweep.json").toFile()).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aFailedRunIsRecordedTheOthersGoOnAndTheSweepExitsWithFour() throws Exception {
    Path file = sweep("conditions: [{name: ok}, {name: starved, set: {training.batchSize: 500}}]\n").getParent().resolve("tiny-sweep.yaml");
    Files.writeString(file, Files.readString(file).replace("grid:\n  dataset.trainPerClass: [10, 20]\n", "").replace("seeds: [1, 2]", "seeds: [1]"));
    Path out = dir.resolve("failing");
    Result r = dsdl("sweep", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.PROBE_FAILED);
    assertThat(r.err()).contains("dsdl: run starved_seed-1: failed: ").contains("batchSize");
    JsonNode manifest = JSON.readTree(out.resolve("sweep.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("FAILED");
    assertThat(manifest.at("/runs/0/status").asText()).isEqualTo("COMPLETED");
    assertThat(manifest.at("/runs/1/status").asText()).isEqualTo("FAILED");
    assertThat(manifest.at("/runs/1/exitCode").asInt()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(manifest.at("/runs/1/error").asText()).contains("batchSize");
    assertThat(Files.readAllLines(out.resolve("results.csv"))).allMatch(l -> !l.startsWith("starved")).anyMatch(l -> l.startsWith("ok_seed-1,"));
  }

  @Test
  void aGridKeyTheExperimentLacksIsRefusedBeforeAnyRunAndNothingIsWritten() throws Exception {
    Path file = sweep("");
    Files.writeString(file, Files.readString(file).replace("dataset.trainPerClass: [10, 20]", "training.epocs: [1, 2]"));
    Path out = dir.resolve("never");
    Result r = dsdl("sweep", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("dsdl: sweep file '" + file + "', run 'epocs-1_seed-1': ")
        .contains("unknown key 'epocs' in training; allowed keys: batchSize, epochs");
    assertThat(out).doesNotExist();
    assertThat(dsdl("sweep", file.toString(), "--runner", "spark").err()).contains("--runner 'spark' is not available in this launcher")
        .contains("./dsdl sweep --runner spark starts its launcher");
    assertThat(dsdl("sweep", file.toString(), "--runner", "yarn").err()).contains("--runner 'yarn' is not available; runners: local, spark");
    assertThat(dsdl("sweep", file.toString(), "--master", "local[2]").err()).contains("--master is for --runner spark");
    assertThat(dsdl("validate", file.toString()).code()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  private static void deleteTree(Path p) throws Exception {
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
