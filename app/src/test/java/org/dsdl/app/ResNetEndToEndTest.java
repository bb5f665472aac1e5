package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.pipeline.ExperimentResolver;
import org.dsdl.app.pipeline.PipelineRunner;
import org.dsdl.app.training.Progress;
import org.dsdl.app.pipeline.RunOutcome;
import org.dsdl.app.training.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network with skip connections runs the tokens task with every built-in probe and the report. */
class ResNetEndToEndTest {
  @TempDir
  Path dir;

  @Test
  void resnetMiniRunsWithEveryBuiltInProbeAndAReport() throws Exception {
    Injector injector = Guice.createInjector(new DsdlModule());
    var plan = injector.getInstance(ExperimentResolver.class).resolve(injector.getInstance(ConfigLoader.class).load(null, List.of(
        "name=resnet", "seed=3", "model={type: resnet-mini, widths: [8, 16], blocksPerStage: 1}",
        "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}", "training.epochs=1", "training.trainEvalSize=50",
        "probeSet.perClass=10", "visualizers=[csv, html]")));
    assertThat(plan.resolved().get("model").get("type").asText()).isEqualTo("resnet-mini");
    RunOutcome outcome = injector.getInstance(PipelineRunner.class).run(plan, dir.resolve("run"), false, Progress.silent(), new StopSignal());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.manifest().probeFailures()).isEmpty();
    var model = outcome.manifest().model();
    assertThat(model.spec()).isEqualTo("resnet-mini+custom");
    assertThat(model.blocks()).isNull();
    assertThat(model.layers()).extracting(LayerInfo::kind).contains(LayerKind.ADD, LayerKind.GLOBAL_POOL);
    assertThat(model.parameterCount()).isEqualTo(model.layers().stream().mapToLong(LayerInfo::parameters).sum());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> ms = Files.readAllLines(dir.resolve("run/metrics.jsonl")).stream().map(l -> {
      try {
        return json.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(ms.stream().map(m -> m.get("probe").asText()).distinct()).containsExactlyInAnyOrder(
        "accuracy", "selectivity", "rsa", "class-geometry", "linear-probe", "filter-coupling", "cka", "weight-coupling", "coupling-graph");
    assertThat(ms.stream().filter(m -> m.get("probe").asText().equals("linear-probe")).map(m -> m.path("layer").asText()))
        .contains("stage1_block1_add", "stage2_block1_shortcut", "pool", "logits");
    assertThat(dir.resolve("run/report.html")).isNotEmptyFile();
  }
}
