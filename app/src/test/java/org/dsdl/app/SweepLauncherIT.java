package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dsdl sweep} through the packaged launcher (named modules on the module path): a sweep
 * killed with SIGKILL after its first run finished loses that run and continues the others with
 * {@code --resume}, the killed run from its saved state. Runs after {@code package} (failsafe).
 */
class SweepLauncherIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  @Test
  void aKilledSweepKeepsItsFinishedRunsAndResumesTheRest() throws Exception {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, """
        base:
          dataset: {type: tokens, trainPerClass: 20, testPerClass: 10, minPerClass: 10}
          model: {preset: vgg-tiny}
          training: {steps: 240, batchSize: 16}
          checkpoints: {every: 40, earlyLogSpaced: false}
          probeSet: {perClass: 10}
          probes: [accuracy, rsa]
          visualizers: [csv]
        seeds: 2
        conditions:
          - {name: clean, set: {dataset.noise: 0.0}}
          - {name: noisy, set: {dataset.noise: 0.3}}
        """);
    Path out = dir.resolve("study");
    Process p = new Launcher(dir).start("killed", "sweep", file.toString(), "--out", out.toString(), "--parallel", "1", "--no-progress");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    Path second = out.resolve("runs/clean_seed-2/state/trainer.json");
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.exists(second) && JSON.readTree(second.toFile()).path("nextCheckpoint").asInt() >= 2) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the sweep must still be going when it is killed").isTrue();
    p.destroyForcibly().waitFor(); // SIGKILL
    JsonNode killed = JSON.readTree(out.resolve("sweep.json").toFile());
    assertThat(killed.get("status").asText()).isEqualTo("RUNNING");
    assertThat(killed.at("/runs/0/status").asText()).isEqualTo("COMPLETED");
    assertThat(killed.at("/runs/1/status").asText()).isEqualTo("RUNNING");
    byte[] first = Files.readAllBytes(out.resolve("runs/clean_seed-1/run.json"));

    Launcher.Result resumed = new Launcher(dir).run("sweep", "--resume", out.toString(), "--no-progress");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("run clean_seed-1 has finished already; skipped");
    assertThat(Files.readAllBytes(out.resolve("runs/clean_seed-1/run.json"))).isEqualTo(first);
    JsonNode done = JSON.readTree(out.resolve("sweep.json").toFile());
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    for (JsonNode e : done.get("runs")) {
      assertThat(e.get("status").asText()).as(e.get("name").asText()).isEqualTo("COMPLETED");
      Path run = out.resolve(e.get("directory").asText());
      assertThat(JSON.readTree(run.resolve("run.json").toFile()).get("checkpoints")).hasSize(7);
      Set<String> seen = new HashSet<>();
      for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
        JsonNode m = JSON.readTree(line);
        String key = m.get("checkpoint").asInt() + "/" + m.get("probe").asText() + "/" + m.get("metric").asText() + "/" + m.get("layer").asText();
        assertThat(seen.add(key)).as("measured once: " + key).isTrue();
      }
      assertThat(seen).contains("6/accuracy/test_accuracy/null");
    }
    assertThat(Files.readAllLines(out.resolve("results.csv")).stream().filter(l -> l.contains(",test_accuracy,"))).hasSize(4 * 7);
    assertThat(Files.readAllLines(out.resolve("summary.csv")).get(0))
        .isEqualTo("condition,dataset.noise,checkpoint,step,probe,metric,layer,label,n,missing,mean,sd,ci_low,ci_high");
  }
}
