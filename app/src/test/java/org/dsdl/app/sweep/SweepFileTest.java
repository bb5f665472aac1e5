package org.dsdl.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a sweep file, and every refusal of a bad one, each naming the key and what is allowed. */
class SweepFileTest {
  @TempDir
  Path dir;
  private final ConfigLoader loader = new ConfigLoader();

  private Path file(String text) throws Exception {
    Path f = dir.resolve("study.yaml");
    Files.writeString(f, text);
    return f;
  }

  private String refusal(String text) throws Exception {
    Path f = file(text);
    try {
      SweepFile.read(f, loader);
    } catch (DsdlException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(e.getMessage()).startsWith("sweep file '" + f + "'");
      return e.getMessage().substring(("sweep file '" + f + "'").length());
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void aSweepReadsWithItsBaseSeedsGridAndConditionsInFileOrder() throws Exception {
    Files.writeString(dir.resolve("base.yaml"), "name: b\ntraining: {epochs: 2}\n");
    SweepSpec s = SweepFile.read(file("""
        base: base.yaml
        seeds: 3
        grid:
          dataset.trainPerClass: [60, 50]
          model.preset: [vgg-tiny]
        conditions:
          - {name: clean, set: {dataset.noise: 0.0}}
          - {name: plain}
        """), loader);
    assertThat(s.name()).as("the file's name").isEqualTo("study");
    assertThat(s.base().at("/training/epochs").asInt()).isEqualTo(2);
    assertThat(s.baseSource()).isEqualTo(dir.resolve("base.yaml").toString());
    assertThat(s.baseDirectory()).isEqualTo(dir.toAbsolutePath());
    assertThat(s.seeds()).containsExactly(1L, 2L, 3L);
    assertThat(s.grid()).containsOnlyKeys("dataset.trainPerClass", "model.preset");
    assertThat(s.grid().keySet()).containsExactly("dataset.trainPerClass", "model.preset");
    assertThat(s.grid().get("dataset.trainPerClass")).containsExactly(IntNode.valueOf(60), IntNode.valueOf(50));
    assertThat(s.conditions()).extracting(SweepSpec.Condition::name).containsExactly("clean", "plain");
    assertThat(s.conditions().get(1).set()).isEmpty();
  }

  @Test
  void anInlineBaseAndASeedListAndANameAreKept() throws Exception {
    SweepSpec s = SweepFile.read(file("name: mine\nbase: {training: {epochs: 1}}\nseeds: [9, 3]\n"), loader);
    assertThat(s.name()).isEqualTo("mine");
    assertThat(s.baseSource()).endsWith("study.yaml (base)");
    assertThat(s.seeds()).containsExactly(9L, 3L);
    assertThat(s.grid()).isEmpty();
    assertThat(s.conditions()).isEmpty();
  }

  @Test
  void whatSweepJsonStoresReadsBackToTheSameSpec() throws Exception {
    SweepSpec s = SweepFile.read(file("base: {seed: 3}\nseeds: 2\ngrid: {training.batchSize: [8, 16]}\n"
        + "conditions: [{name: a, set: {dataset.noise: 0.1}}]\n"), loader);
    SweepSpec back = SweepFile.fromStored(SweepFile.toTree(s), "sweep.json");
    assertThat(back).isEqualTo(s);
  }

  @Test
  void aSweepIsToldFromAnExperimentConfigByItsBaseKey() throws Exception {
    assertThat(SweepFile.isSweep(loader.readDocument(file("base: {}\nseeds: 1\n"), "x"))).isTrue();
    assertThat(SweepFile.isSweep(loader.readDocument(file("name: run\ntraining: {epochs: 1}\n"), "x"))).isFalse();
    assertThat(refusal("seeds: 3\n")).isEqualTo(": a sweep file is a mapping with a 'base' key (the experiment the runs start from);"
        + " keys: name, base, seeds, grid, conditions");
  }

  @Test
  void badTopLevelKeysAndBasesAreRefused() throws Exception {
    assertThat(refusal("base: {}\nseeds: 1\ngrids: {a: [1]}\n"))
        .isEqualTo(": unknown key 'grids' in the top level; allowed keys: name, base, seeds, grid, conditions");
    assertThat(refusal("base: 3\nseeds: 1\n")).isEqualTo(" at 'base': expected an experiment config: a path relative to the sweep file,"
        + " or a mapping (keys: name, dataset, model, …), got 3");
    assertThat(refusal("name: 'a b'\nbase: {}\nseeds: 1\n"))
        .startsWith(" at 'name': the sweep's name must be 1 to 64 letters, digits, '.', '_' or '-'");
    assertThatThrownBy(() -> SweepFile.read(file("base: missing.yaml\nseeds: 1\n"), loader))
        .hasMessage("config file '" + dir.resolve("missing.yaml") + "' does not exist or is not a file");
  }

  @Test
  void badSeedsAreRefused() throws Exception {
    assertThat(refusal("base: {}\n")).isEqualTo(": 'seeds' is missing; give a count (seeds 1, 2, …) or a list of whole numbers,"
        + " e.g. seeds: 3 or seeds: [7, 8, 9]");
    assertThat(refusal("base: {}\nseeds: 0\n")).isEqualTo(" at 'seeds': a count of seeds must be between 1 and 1000 (seeds 1, 2, …), got 0");
    assertThat(refusal("base: {}\nseeds: 1001\n")).endsWith("got 1001");
    assertThat(refusal("base: {}\nseeds: []\n"))
        .isEqualTo(" at 'seeds': expected a count (seeds 1, 2, …) or a non-empty list of whole numbers, got an empty list");
    assertThat(refusal("base: {}\nseeds: three\n")).endsWith("got the string \"three\"");
    assertThat(refusal("base: {}\nseeds: [1, 2.5]\n")).isEqualTo(" at 'seeds[1]': expected a whole number, got 2.5");
    assertThat(refusal("base: {}\nseeds: [4, 5, 4]\n")).isEqualTo(" at 'seeds[2]': seed 4 is listed twice; each seed may appear once");
  }

  @Test
  void badGridsAreRefused() throws Exception {
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {}\n")).isEqualTo(" at 'grid': the grid is empty; give each varied key its list of values,"
        + " e.g. {dataset.trainPerClass: [50, 100]}, or leave 'grid' out");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: [1]\n")).isEqualTo(" at 'grid': expected a mapping of config keys to lists of values,"
        + " e.g. {dataset.trainPerClass: [50, 100]}, got a list");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {dataset.noise: []}\n"))
        .isEqualTo(" at 'grid.dataset.noise': expected a non-empty list of the values the key takes, got an empty list");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {dataset.noise: 0.1}\n")).endsWith("got 0.1");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {dataset.noise: [0.1, 0.2, 0.1]}\n"))
        .isEqualTo(" at 'grid.dataset.noise': the value 0.1 is listed twice; each value may appear once");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {seed: [1, 2]}\n"))
        .isEqualTo(" at 'grid': 'seed' is set by the sweep itself (list the seeds under 'seeds')");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {name: [a, b]}\n"))
        .isEqualTo(" at 'grid': 'name' is set by the sweep itself (each run is named after its condition and seed)");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {'dataset..noise': [1]}\n"))
        .isEqualTo(" at 'grid': 'dataset..noise' is not a config key; a key is a dotted path such as dataset.trainPerClass"
            + " or training.optimizer.learningRate");
  }

  @Test
  void badConditionsAreRefused() throws Exception {
    assertThat(refusal("base: {}\nseeds: 1\nconditions: {a: 1}\n"))
        .isEqualTo(" at 'conditions': expected a non-empty list of {name: NAME, set: {key: value, …}}, got a mapping (keys: values)");
    assertThat(refusal("base: {}\nseeds: 1\nconditions: [{set: {dataset.noise: 0.1}}]\n"))
        .startsWith(" at 'conditions[0]' at 'name': a condition's name must be 1 to 64 letters").endsWith("got none");
    assertThat(refusal("base: {}\nseeds: 1\nconditions: [{name: a}, {name: a}]\n"))
        .isEqualTo(" at 'conditions[1]': the condition name 'a' is used twice; each condition needs its own name");
    assertThat(refusal("base: {}\nseeds: 1\nconditions: [{name: a, sets: {}}]\n"))
        .isEqualTo(" at 'conditions[0]': unknown key 'sets'; allowed keys: name, set");
    assertThat(refusal("base: {}\nseeds: 1\nconditions: [{name: a, set: [1]}]\n"))
        .isEqualTo(" at 'conditions[0]' at 'set': expected a mapping of config keys to values, e.g. {dataset.noise: 0.4}, got a list");
    assertThat(refusal("base: {}\nseeds: 1\ngrid: {dataset.noise: [0.1]}\nconditions: [{name: a, set: {dataset.noise: 0.2}}]\n"))
        .isEqualTo(": 'dataset.noise' is both a grid key and set by condition 'a'; a key is varied by the grid or by conditions, not both");
  }
}
