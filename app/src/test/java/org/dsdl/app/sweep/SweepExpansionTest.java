package org.dsdl.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expanding a sweep into named runs: the cartesian product, the names, and the refusals. */
class SweepExpansionTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static SweepSpec spec(List<Long> seeds, Map<String, List<JsonNode>> grid, List<SweepSpec.Condition> conditions) {
    return new SweepSpec("s", F.objectNode(), "b", Path.of("."), seeds, grid, conditions);
  }

  private static Map<String, List<JsonNode>> grid(Object... keyValues) {
    Map<String, List<JsonNode>> g = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      g.put((String) keyValues[i], (List<JsonNode>) keyValues[i + 1]);
    }
    return g;
  }

  @Test
  void theGridIsCartesianTheFirstKeySlowestThenSeeds() {
    List<SweepRun> runs = SweepExpansion.expand(spec(List.of(1L, 2L),
        grid("dataset.trainPerClass", List.of(F.numberNode(50), F.numberNode(100)), "model.preset", List.of(F.textNode("vgg-tiny"))),
        List.of()), "w");
    assertThat(runs).extracting(SweepRun::name).containsExactly(
        "trainPerClass-50_preset-vgg-tiny_seed-1", "trainPerClass-50_preset-vgg-tiny_seed-2",
        "trainPerClass-100_preset-vgg-tiny_seed-1", "trainPerClass-100_preset-vgg-tiny_seed-2");
    assertThat(runs).extracting(SweepRun::condition).containsExactly(
        "trainPerClass-50_preset-vgg-tiny", "trainPerClass-50_preset-vgg-tiny", "trainPerClass-100_preset-vgg-tiny",
        "trainPerClass-100_preset-vgg-tiny");
    assertThat(runs.get(2).settings()).containsExactly(Map.entry("dataset.trainPerClass", F.numberNode(100)),
        Map.entry("model.preset", F.textNode("vgg-tiny")));
    assertThat(runs.get(3).seed()).isEqualTo(2);
    assertThat(runs.get(0).conditionName()).isNull();
  }

  @Test
  void conditionsComeFirstThenTheGridThenSeeds() {
    List<SweepRun> runs = SweepExpansion.expand(spec(List.of(7L), grid("training.batchSize", List.of(F.numberNode(8), F.numberNode(16))),
        List.of(new SweepSpec.Condition("clean", Map.of("dataset.noise", F.numberNode(0.0))), new SweepSpec.Condition("plain", Map.of()))),
        "w");
    assertThat(runs).extracting(SweepRun::name).containsExactly("clean_batchSize-8_seed-7", "clean_batchSize-16_seed-7",
        "plain_batchSize-8_seed-7", "plain_batchSize-16_seed-7");
    assertThat(runs.get(0).settings()).containsExactly(Map.entry("dataset.noise", F.numberNode(0.0)),
        Map.entry("training.batchSize", F.numberNode(8)));
    assertThat(runs.get(2).conditionName()).isEqualTo("plain");
  }

  @Test
  void aSweepOfSeedsAloneRunsTheBase() {
    assertThat(SweepExpansion.expand(spec(List.of(3L, 4L), Map.of(), List.of()), "w")).extracting(SweepRun::name)
        .containsExactly("base_seed-3", "base_seed-4");
  }

  @Test
  void keysThatEndAlikeAreNamedInFullAndValuesAreMadeSafe() {
    assertThat(SweepExpansion.shortKeys(List.of("dataset.noise", "engine.noise", "model.dropout")))
        .containsExactly(Map.entry("dataset.noise", "dataset.noise"), Map.entry("engine.noise", "engine.noise"),
            Map.entry("model.dropout", "dropout"));
    assertThat(SweepExpansion.valueName(F.textNode("a b/c"))).isEqualTo("a_b_c");
    assertThat(SweepExpansion.valueName(F.arrayNode().add(16).add(32))).isEqualTo("16_32");
    assertThat(SweepExpansion.valueName(F.numberNode(0.001))).isEqualTo("0.001");
    assertThat(SweepExpansion.valueName(F.textNode("../x"))).isEqualTo("x");
  }

  @Test
  void twoRunsWithOneNameAreRefusedNamingBoth() {
    assertThatThrownBy(() -> SweepExpansion.expand(spec(List.of(1L), grid("dataset.noise", List.of(F.numberNode(0.1), F.textNode("0.1"))),
        List.of()), "sweep file 'x.yaml'"))
        .hasMessageStartingWith("sweep file 'x.yaml': two runs would be named 'noise-0.1_seed-1' (settings {dataset.noise: 0.1} seed 1"
            + " and {dataset.noise: \"0.1\"} seed 1)");
  }

  @Test
  void aNameTooLongForADirectoryIsRefused() {
    String longName = "c".repeat(60);
    assertThatThrownBy(() -> SweepExpansion.expand(spec(List.of(1L), Map.of(), List.of(new SweepSpec.Condition(longName, Map.of()))), "w"))
        .hasMessageStartingWith("w: run name '" + longName + "_seed-1' is not allowed; a run's name is 1 to 64 letters");
  }

  @Test
  void tooManyRunsAreRefusedBeforeExpanding() {
    List<JsonNode> hundred = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(F.numberNode(i));
    }
    assertThatThrownBy(() -> SweepExpansion.expand(spec(List.of(1L, 2L), grid("a.b", hundred, "a.c", hundred), List.of()), "w"))
        .hasMessage("w: the sweep expands to more than 10,000 runs (conditions × grid × seeds); a sweep may have at most 10,000");
  }
}
