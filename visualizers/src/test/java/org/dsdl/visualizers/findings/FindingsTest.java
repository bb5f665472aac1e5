package org.dsdl.visualizers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.run.RunRecord;
import org.dsdl.testkit.RunRecordBuilder;
import org.dsdl.visualizers.findings.Finding.Topic;
import org.dsdl.visualizers.findings.Finding.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings on a hand-built run: checkpoints at steps 0, 10, 100, 1000. */
class FindingsTest {
  @TempDir
  Path dir;

  private RunRecord run() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).name("hand").seed(7).classes("T", "L", "X").checkpointsAt(0, 10, 100, 1000);
    var last = b.checkpoint(3);
    var first = b.checkpoint(0);
    // accuracy: class L at step 10, T at step 100, X never
    b.add(new Measurements("accuracy", last).vector("identity_onset_step", null, List.of("T", "L", "X"), new double[] {100, 10, Double.NaN})
        .list());
    // linear probe: fc1 emerges at step 100; conv1 is already decodable at step 0; conv2 neither
    b.scalar("linear-probe", "probe_accuracy", "fc1", 0.40, 0.50, 0.90, 0.95);
    b.scalar("linear-probe", "control_accuracy", "fc1", 0.33, 0.34, 0.33, 0.32);
    b.scalar("linear-probe", "selectivity", "fc1", 0.07, 0.16, 0.57, 0.63);
    b.scalar("linear-probe", "selectivity_ci_low", "fc1", 0.01, 0.1, 0.5, 0.55);
    b.scalar("linear-probe", "selectivity_ci_high", "fc1", 0.13, 0.22, 0.64, 0.71);
    b.scalar("linear-probe", "probe_accuracy", "conv1", 0.80, 0.81, 0.82, 0.82);
    b.scalar("linear-probe", "control_accuracy", "conv1", 0.34, 0.33, 0.33, 0.34);
    b.scalar("linear-probe", "probe_accuracy", "conv2", 0.40, 0.41, 0.42, 0.42);
    b.add(new Measurements("linear-probe", last).scalar("identity_onset_step", "fc1", 100).scalar("identity_onset_step", "conv1", Double.NaN)
        .scalar("identity_onset_step", "conv2", Double.NaN).list());
    b.add(new Measurements("linear-probe", first).scalar("identity_at_init", "fc1", 0).scalar("identity_at_init", "conv1", 1)
        .scalar("identity_at_init", "conv2", 0).list());
    // coupling: conv1 at step 10, conv2 never; settling: fc1 at 1000, conv1 at 100
    b.add(new Measurements("filter-coupling", last).scalar("coupling_onset_step", "conv1", 10).scalar("coupling_onset_step", "conv2", Double.NaN)
        .list());
    b.add(new Measurements("cka", last).scalar("settling_step", "fc1", 1000).scalar("settling_step", "conv1", 100).list());
    // assortativity beats its null at the end (p = 0.0099), with no rise beyond its untrained value
    b.scalar("coupling-graph", "class_assortativity", null, 0.5, 0.52, 0.55, 0.57);
    b.add(new Measurements("coupling-graph", first).scalar("class_assortativity_p", null, 0.0099).list());
    b.add(new Measurements("coupling-graph", last).scalar("class_assortativity_p", null, 0.0099).scalar("class_assortativity_null_mean", null, 0.0)
        .scalar("class_assortativity_null_sd", null, 0.02).scalar("assortativity_onset_step", null, Double.NaN).list());
    return b.build();
  }

  @Test
  void statesWhatPassedItsControlFirstAndListsTheRest() {
    List<Finding> f = Findings.of(run());
    assertThat(f).extracting(x -> x.topic() + " " + x.subject() + " " + x.verdict()).containsExactly(
        "CLASS_IDENTITY L EMERGED", "CLASS_IDENTITY T EMERGED",
        "LAYER_IDENTITY fc1 EMERGED", "LAYER_IDENTITY conv1 PRESENT_AT_INITIALISATION",
        "COUPLING conv1 EMERGED",
        "SETTLING layers EMERGED",
        "ASSORTATIVITY coupling graph PRESENT_AT_INITIALISATION",
        "CLASS_IDENTITY X NOT_DISTINGUISHABLE", "LAYER_IDENTITY conv2 NOT_DISTINGUISHABLE", "COUPLING conv2 NOT_DISTINGUISHABLE");
  }

  @Test
  void eachClaimCarriesItsNumbersAndItsUncertainty() {
    List<Finding> f = Findings.of(run());
    Finding l = f.get(0);
    assertThat(l.step()).isEqualTo(10);
    assertThat(l.uncertainty()).isEqualTo("between steps 0 and 10 (checkpoint spacing)");
    Finding fc1 = f.stream().filter(x -> x.subject().equals("fc1")).findFirst().orElseThrow();
    assertThat(fc1.statement()).contains("from step 100").contains("probe accuracy 0.950, control 0.320, selectivity 0.630 [0.550, 0.710]");
    assertThat(fc1.uncertainty()).isEqualTo("between steps 10 and 100 (checkpoint spacing)");
    Finding conv1 = f.stream().filter(x -> x.subject().equals("conv1") && x.topic() == Topic.LAYER_IDENTITY).findFirst().orElseThrow();
    assertThat(conv1.statement()).contains("already linearly decodable in the untrained network (probe accuracy 0.800, control 0.340)");
    Finding settling = f.stream().filter(x -> x.topic() == Topic.SETTLING).findFirst().orElseThrow();
    assertThat(settling.statement()).isEqualTo("layers settle into their final representation in this order: conv1 (step 100), fc1 (step 1000)");
    Finding graph = f.stream().filter(x -> x.topic() == Topic.ASSORTATIVITY).findFirst().orElseThrow();
    assertThat(graph.statement()).contains("class assortativity at the end 0.570, above the node-label null 0.00 ± 0.0200, p = 0.00990")
        .contains("untrained 0.500 (p = 0.00990)").contains("no rise beyond the untrained value");
  }

  @Test
  void aControlThatLastRanBeforeTheEndIsQuotedWhereItRan() {
    // the control task ran at checkpoints 0 and 1 only (a run stopped between control checkpoints)
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10, 20);
    b.scalar("linear-probe", "probe_accuracy", "fc1", 0.5, 0.8, 0.9);
    b.add(new Measurements("linear-probe", b.checkpoint(0)).scalar("control_accuracy", "fc1", 0.5).scalar("selectivity", "fc1", 0.0)
        .scalar("identity_at_init", "fc1", 0).list());
    b.add(new Measurements("linear-probe", b.checkpoint(1)).scalar("control_accuracy", "fc1", 0.45).scalar("selectivity", "fc1", 0.35).list());
    b.add(new Measurements("linear-probe", b.checkpoint(2)).scalar("identity_onset_step", "fc1", 10).list());
    Finding fc1 = Findings.of(b.build()).get(0);
    assertThat(fc1.statement()).contains("beyond the untrained network and the control task from step 10")
        .contains("at the end probe accuracy 0.900; at step 10, the last with a control, probe 0.800, control 0.450, selectivity 0.350");
  }

  @Test
  void assortativityWithinItsNullIsNotStated() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10);
    b.scalar("coupling-graph", "class_assortativity", null, 0.01, 0.02);
    b.add(new Measurements("coupling-graph", b.checkpoint(1)).scalar("class_assortativity_p", null, 0.3).list());
    List<Finding> f = Findings.of(b.build());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.verdict()).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
      assertThat(x.stated()).isFalse();
      assertThat(x.statement()).contains("not distinguishable from the node-label null");
    });
  }

  @Test
  void aRunWithoutTheseProbesHasNoFindings() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10);
    b.scalar("mine", "something", null, 1, 2);
    assertThat(Findings.of(b.build())).isEmpty();
  }

  @Test
  void theVisualizerWritesFindingsJson() throws Exception {
    RunRecord run = run();
    List<Path> written = new FindingsVisualizer().render(run);
    assertThat(written).containsExactly(dir.resolve("findings.json"));
    JsonNode root = new ObjectMapper().readTree(dir.resolve("findings.json").toFile());
    assertThat(root.get("name").asText()).isEqualTo("hand");
    assertThat(root.get("seed").asLong()).isEqualTo(7);
    assertThat(root.get("findings")).hasSize(10);
    JsonNode first = root.get("findings").get(0);
    assertThat(first.get("topic").asText()).isEqualTo("CLASS_IDENTITY");
    assertThat(first.get("verdict").asText()).isEqualTo("EMERGED");
    assertThat(first.get("step").asLong()).isEqualTo(10);
    assertThat(root.get("findings").get(9).get("step").isNull()).isTrue();
  }

  @Test
  void aClassOnsetAtTheFirstCheckpointIsTheUntrainedNetworksBiasNotAFinding() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10);
    b.add(new Measurements("accuracy", b.checkpoint(1)).vector("identity_onset_step", null, List.of("a", "b"), new double[] {0, 10}).list());
    List<Finding> f = Findings.of(b.build());
    assertThat(f).extracting(x -> x.subject() + " " + x.verdict()).containsExactly("b EMERGED", "a NOT_DISTINGUISHABLE");
    assertThat(f.get(1).statement()).contains("already at the onset threshold in the untrained network (step 0)");
  }

  @Test
  void assortativityThatBeatsItsNullOnlyAtTheEndWithoutARiseIsNotShownToEmerge() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10);
    b.scalar("coupling-graph", "class_assortativity", null, 0.1, 0.12);
    b.scalar("coupling-graph", "class_assortativity_p", null, 0.2, 0.03);
    b.add(new Measurements("coupling-graph", b.checkpoint(1)).scalar("assortativity_onset_step", null, Double.NaN).list());
    assertThat(Findings.of(b.build())).singleElement().extracting(Finding::verdict).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
  }

  @Test
  void assortativityWithoutANullIsUntested() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10);
    b.scalar("coupling-graph", "class_assortativity", null, 0.1, 0.6);
    assertThat(Findings.of(b.build())).singleElement().satisfies(x -> {
      assertThat(x.verdict()).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
      assertThat(x.statement()).contains("untested: its null was not computed");
    });
  }

  @Test
  void aPathwayOnsetIsStatedWithItsNullAndALayerWithoutOneIsNot() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10, 100);
    b.scalar("class-attribution", "pathway_specificity", "conv2", 0.30, 0.35, 0.80);
    b.scalar("class-attribution", "pathway_specificity", "fc1", 0.30, 0.31, 0.33);
    b.add(new Measurements("class-attribution", b.checkpoint(2)).scalar("pathway_specificity_null_mean", "conv2", 0.31)
        .scalar("pathway_specificity_null_sd", "conv2", 0.04).scalar("pathway_specificity_p", "conv2", 0.0099)
        .scalar("pathway_specificity_null_mean", "fc1", 0.32).scalar("pathway_specificity_null_sd", "fc1", 0.03)
        .scalar("pathway_specificity_p", "fc1", 0.4).scalar("pathway_specificity_onset_step", "fc1", Double.NaN)
        .scalar("pathway_consistency_onset_step", "conv2", Double.NaN).list());
    b.add(new Measurements("class-attribution", b.checkpoint(2)).scalar("pathway_specificity_onset_step", "conv2", 100).list());
    List<Finding> f = Findings.of(b.build());
    assertThat(f).extracting(x -> x.topic() + " " + x.subject() + " " + x.verdict())
        .containsExactly("PATHWAY conv2 EMERGED", "PATHWAY fc1 NOT_DISTINGUISHABLE");
    assertThat(f.get(0).statement()).contains("class-specific beyond the untrained network and the exemplar-label null from step 100")
        .contains("specificity at the end 0.800 (exemplar-label null 0.310 ± 0.0400, p = 0.00990), untrained 0.300")
        .contains("class consistency does not pass its null for good");
    assertThat(f.get(0).uncertainty()).isEqualTo("between steps 10 and 100 (checkpoint spacing)");
    assertThat(f.get(1).statement()).contains("do not become class-specific").contains("p = 0.400");
  }

  @Test
  void aLayerWithoutTheControlTaskSaysSo() {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b").checkpointsAt(0, 10);
    b.scalar("linear-probe", "probe_accuracy", "fc1", 0.5, 0.9);
    b.add(new Measurements("linear-probe", b.checkpoint(1)).scalar("identity_onset_step", "fc1", 10).list());
    assertThat(Findings.of(b.build())).singleElement().satisfies(x -> assertThat(x.statement())
        .isEqualTo("layer fc1: class identity becomes linearly decodable beyond the untrained network (no control task ran) from step 10;"
            + " at the end probe accuracy 0.900"));
  }
}
