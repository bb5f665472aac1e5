package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.util.Modules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.app.fakes.FakeEngine;
import org.dsdl.app.pipeline.EngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes that fail or stall, through the command line, on a fake engine (nothing here needs
 * TensorFlow): the run goes on, run.json records each failure, and the exit code is 4.
 */
class ProbeFailuresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  /** The command line with the engine replaced by a fake one, and everything else as the application wires it. */
  static CliTest.Result dsdlOnAFakeEngine(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(Modules.override(new DsdlModule()).with(b -> b.bind(EngineFactory.class).toInstance(new FakeEngine())),
        new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliTest.Result(code, out.toString(), err.toString());
  }

  private Path config() throws Exception {
    Path cfg = dir.resolve("tiny.yaml");
    Files.writeString(cfg, """
        name: tiny
        seed: 7
        dataset: {type: tokens, trainPerClass: 60, testPerClass: 20, minPerClass: 60}
        training: {epochs: 1, batchSize: 16}
        probeSet: {perClass: 20}
        visualizers: [csv]
        """);
    return cfg;
  }

  /** The checkpoints at which {@code probe} recorded {@code metric}. */
  private static List<Integer> checkpoints(Path out, String probe, String metric) throws Exception {
    return Files.readAllLines(out.resolve("metrics.jsonl")).stream().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).filter(m -> m.get("probe").asText().equals(probe) && m.get("metric").asText().equals(metric))
        .map(m -> m.get("checkpoint").asInt()).toList();
  }

  @Test
  void aFailingProbeIsRecordedAndTheRunGoesOnWithExitCodeFour() throws Exception {
    Path out = dir.resolve("fail");
    var r = dsdlOnAFakeEngine("run", config().toString(), "--out", out.toString(), "--set", "probes=[accuracy, {type: failing, at: 2}]");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.PROBE_FAILED);
    JsonNode manifest = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(manifest.at("/versions/engine").asText()).isEqualTo("fake 1");
    assertThat(manifest.get("probeFailures")).hasSize(1);
    assertThat(manifest.at("/probeFailures/0/probe").asText()).isEqualTo("failing");
    assertThat(manifest.at("/probeFailures/0/checkpoint").asInt()).isEqualTo(2);
    assertThat(manifest.at("/probeFailures/0/error").asText()).contains("boom at 2");
    assertThat(r.err()).contains("dsdl: 1 probe failure(s), first: failing at checkpoint 2");
    // 300 exemplars in batches of 16: 19 steps; checkpoints 0 1 2 4 8 16 and two in the epoch, 10 and 19
    assertThat(checkpoints(out, "accuracy", "test_accuracy")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void aProbePastItsTimeBudgetFailsThereIsNotCalledAgainAndTheRunGoesOn() throws Exception {
    Path out = dir.resolve("slow");
    var r = dsdlOnAFakeEngine("run", config().toString(), "--out", out.toString(),
        "--set", "probes=[accuracy, {type: slow, at: 2, seconds: 3}]", "--set", "checkpoints.probeBudgetSeconds=0.5");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.PROBE_FAILED);
    JsonNode manifest = JSON.readTree(out.resolve("run.json").toFile());
    assertThat(manifest.get("status").asText()).isEqualTo("COMPLETED");
    JsonNode failures = manifest.get("probeFailures");
    assertThat(failures.get(0).get("probe").asText()).isEqualTo("slow");
    assertThat(failures.get(0).get("checkpoint").asInt()).isEqualTo(2);
    assertThat(failures.get(0).get("error").asText()).contains("measuring checkpoint 2 ran past its budget of 0.5 s");
    // every later checkpoint, and the end, are recorded as not called
    assertThat(failures).hasSize(8 - 2 + 1);
    assertThat(failures.get(1).get("error").asText()).startsWith("not called: measuring checkpoint 2 ran past");
    assertThat(failures.get(6).get("checkpoint").asInt()).isEqualTo(-1);
    // the slow probe measured before it stalled; the other probes and training went on to the end
    assertThat(checkpoints(out, "slow", "alive")).containsExactly(0, 1);
    assertThat(checkpoints(out, "accuracy", "test_accuracy")).hasSize(8);
  }
}
