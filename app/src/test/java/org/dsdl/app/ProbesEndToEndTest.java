package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.pipeline.ExperimentResolver;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.training.Progress;
import org.dsdl.app.pipeline.RunOutcome;
import org.dsdl.app.training.StopSignal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in probe in one real (small) training run: each writes what it promises, events included. */
class ProbesEndToEndTest {
  @TempDir
  static Path dir;
  static List<JsonNode> ms;
  static RunOutcome outcome;

  @BeforeAll
  static void run() throws Exception {
    Injector injector = Guice.createInjector(new DsdlModule());
    var plan = injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, List.of(
        "name=all-probes", "seed=5", "dataset={type: tokens, trainPerClass: 60, testPerClass: 20, minPerClass: 60}",
        "training.epochs=4", "probeSet.perClass=20")));
    outcome = injector.getInstance(PipelineRunner.class).run(plan, dir.resolve("run"), false, Progress.silent(), new StopSignal());
    ObjectMapper json = new ObjectMapper();
    ms = Files.readAllLines(dir.resolve("run/metrics.jsonl")).stream().map(l -> {
      try {
        return json.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static List<JsonNode> of(String probe, String metric) {
    return ms.stream().filter(m -> m.get("probe").asText().equals(probe) && m.get("metric").asText().equals(metric)).toList();
  }

  private static Map<String, Double> lastScalarPerLayer(String probe, String metric) {
    int last = outcome.manifest().checkpoints().size() - 1;
    Map<String, Double> out = new TreeMap<>();
    of(probe, metric).stream().filter(m -> m.get("checkpoint").asInt() == last)
        .forEach(m -> out.put(m.get("layer").asText(), m.get("value").asDouble()));
    return out;
  }

  @Test
  void theDefaultProbeSetRunsWithoutFailures() {
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.manifest().probeFailures()).isEmpty();
    assertThat(ms.stream().map(m -> m.get("probe").asText()).distinct()).containsExactlyInAnyOrder(
        "accuracy", "selectivity", "rsa", "class-geometry", "linear-probe", "filter-coupling", "cka", "weight-coupling", "coupling-graph");
    assertThat(dir.resolve("run/state/probes")).as("the probes' work files (cka's pooled activations) go once the run has completed")
        .doesNotExist();
  }

  @Test
  void everyRecordedMetricIsDeclaredByItsProbeWithItsKindScopeAndRole() {
    var run = org.dsdl.app.rundir.RunRecordReader.read(dir.resolve("run"));
    var declared = run.info().metrics();
    assertThat(declared.recorded()).isTrue();
    assertThat(declared.byProbe()).hasSize(9);
    for (var m : run.measurements()) {
      var spec = declared.of(m.key().probe(), m.key().metric());
      assertThat(spec).as(m.key().probe() + "/" + m.key().metric() + " declared").isPresent();
      assertThat(spec.get().kind()).as(m.key().metric() + " kind").isEqualTo(org.dsdl.api.measure.MeasurementKind.of(m));
      assertThat(spec.get().perLayer()).as(m.key().metric() + " per layer").isEqualTo(m.key().layer() != null);
      assertThat(spec.get().role() == org.dsdl.api.probe.MetricRole.EVENT).as(m.key().metric() + " is an event")
          .isEqualTo(m.key().metric().endsWith("_step"));
    }
  }

  @Test
  void identityProbesSeeLearning() {
    int checkpoints = outcome.manifest().checkpoints().size();
    Map<String, Double> probe = lastScalarPerLayer("linear-probe", "probe_accuracy");
    assertThat(probe).containsKeys("block1_conv1", "fc2", "logits");
    assertThat(probe.get("fc2")).isGreaterThan(0.5);
    assertThat(of("linear-probe", "probe_accuracy").stream().filter(m -> m.get("checkpoint").asInt() == 0)).hasSize(probe.size());
    assertThat(of("linear-probe", "identity_onset_step")).hasSize(probe.size());
    assertThat(of("accuracy", "identity_onset_step")).hasSize(1);
    assertThat(of("rsa", "category_fit")).hasSize(checkpoints * probe.size());
  }

  @Test
  void couplingProbesWriteTheirMatricesGraphsAndEvents() {
    int checkpoints = outcome.manifest().checkpoints().size();
    JsonNode cka = of("cka", "cka").get(checkpoints - 1);
    int layers = cka.get("rows").size();
    for (int i = 0; i < layers; i++) {
      assertThat(cka.get("value").get(i).get(i).asDouble()).isCloseTo(1, within(1e-9));
    }
    // CKA to final: one per layer and checkpoint, 1 at the last; a settling step per layer
    assertThat(of("cka", "cka_to_final")).hasSize(checkpoints * layers);
    assertThat(lastScalarPerLayer("cka", "cka_to_final").values()).allSatisfy(v -> assertThat(v).isCloseTo(1, within(1e-9)));
    assertThat(of("cka", "settling_step")).hasSize(layers);
    assertThat(lastScalarPerLayer("filter-coupling", "participation_ratio").values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    assertThat(of("filter-coupling", "mean_coupling_bootstrap_sd")).isNotEmpty().allSatisfy(m -> assertThat(m.get("checkpoint").asInt()).isZero());
    assertThat(of("filter-coupling", "coupling_onset_step")).isNotEmpty();
    assertThat(lastScalarPerLayer("weight-coupling", "stable_rank").values()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    JsonNode graph = of("coupling-graph", "coupling_graph").get(0);
    // the six convolutions of vgg-1.24m: 32 + 32 + 64 + 64 + 128 + 128 units
    assertThat(graph.get("value").get("nodes").size()).isEqualTo(448);
    assertThat(graph.get("value").get("edges").get(0).get("attributes").has("structural")).isTrue();
    assertThat(of("coupling-graph", "class_assortativity")).hasSize(checkpoints);
    assertThat(of("coupling-graph", "assortativity_onset_step")).hasSize(1);
  }
}
