package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application exactly as {@code ./dsdl} does: named modules on the module path,
 * plugins found through their {@code provides} clauses, parameters bound into records of
 * unexported packages. Runs after {@code package} (failsafe).
 */
class CliModulePathIT {
  @TempDir
  Path dir;

  @Test
  void aRunKilledWithSigkillResumesToTheFullSetOfMeasurements() throws Exception {
    Path out = dir.resolve("killed");
    String[] args = {"run", "--out", out.toString(), "--set", "dataset={type: tokens, trainPerClass: 200, testPerClass: 20, minPerClass: 200}",
        "--set", "training.epochs=6", "--set", "checkpoints.perEpoch=4",
        // probes whose measurements per checkpoint are the same in number (others add checkpoint-0 spreads and end-of-run
        // events); ResumeTest covers every built-in probe's state across a resume
        "--set", "probes=[accuracy, selectivity, rsa]"};
    Process p = new Launcher(dir).start("killed", args);
    Path trainer = out.resolve("state/trainer.json");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.exists(trainer) && new ObjectMapper().readTree(Files.readString(trainer)).path("nextCheckpoint").asInt() >= 6) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the run must still be going when it is killed").isTrue();
    p.destroyForcibly().waitFor(); // SIGKILL: no handler, no shutdown hook runs
    assertThat(new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("status").asText()).isEqualTo("RUNNING");

    Launcher.Result resumed = java("run", "--resume", out.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    int checkpoints = manifest.get("checkpoints").size();
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    int[] perCheckpoint = new int[checkpoints];
    for (String line : Files.readAllLines(out.resolve("metrics.jsonl"))) {
      JsonNode m = new ObjectMapper().readTree(line);
      seen.merge(m.get("checkpoint").asInt() + "/" + m.get("probe").asText() + "/" + m.get("metric").asText() + "/" + m.get("layer").asText(),
          1, Integer::sum);
      String metric = m.get("metric").asText();
      // end-of-run events sit at the checkpoint they name; permutation nulls are measured at the first and last checkpoint only
      if (!metric.endsWith("_step") && !metric.endsWith("_null_mean") && !metric.endsWith("_null_sd") && !metric.endsWith("_p")) {
        perCheckpoint[m.get("checkpoint").asInt()]++;
      }
    }
    assertThat(seen.values()).as("no measurement twice").containsOnly(1);
    for (int k = 0; k < checkpoints; k++) {
      assertThat(seen).as("checkpoint " + k).containsKey(k + "/accuracy/test_accuracy/null");
      assertThat(perCheckpoint[k]).as("measurements at checkpoint " + k).isEqualTo(perCheckpoint[0]);
    }
  }

  private Launcher.Result java(String... args) throws IOException, InterruptedException {
    return new Launcher(dir).run(args);
  }

  @Test
  void listsBuiltInPluginsFromTheModulePath() throws Exception {
    Launcher.Result r = java("list", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("datasets").findValuesAsText("name")).contains("tokens");
    assertThat(root.get("probes").findValuesAsText("origin")).containsOnly("built-in");
    assertThat(root.get("models").findValuesAsText("name")).contains("vgg-1.24m");
    assertThat(root.get("architectures").findValuesAsText("name")).contains("vgg", "resnet-mini");
    assertThat(root.get("architectures").findValuesAsText("origin")).containsOnly("built-in");
    assertThat(root.get("models").findValuesAsText("family")).contains("vgg");
  }

  @Test
  void runsATinyExperimentOnTheModulePath() throws Exception {
    Path out = dir.resolve("run");
    Launcher.Result r = java("run", "--out", out.toString(), "--set", "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}",
        "--set", "training.epochs=1", "--set", "model.preset=vgg-tiny");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(Files.readAllLines(out.resolve("metrics.csv")).get(0)).isEqualTo("checkpoint,step,epoch,probe,metric,layer,value");
    // the findings visualizer's file, and its stated findings as the run's last lines
    assertThat(new ObjectMapper().readTree(out.resolve("findings.json").toFile()).get("findings").isArray()).isTrue();
    assertThat(r.out()).contains("findings (" + out.resolve("findings.json") + "):");
    Launcher.Result bad = java("run", "--out", dir.resolve("bad").toString(), "--set", "dataset.tokens=1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("tokens must be between 2 and 100").doesNotContain("\tat ");
  }
}
