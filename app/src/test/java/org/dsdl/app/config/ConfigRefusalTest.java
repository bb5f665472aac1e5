package org.dsdl.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that used to be converted, truncated or misread are refused in one line naming the key, its source and what was found. */
class ConfigRefusalTest {
  @TempDir
  Path dir;
  private final ConfigLoader loader = new ConfigLoader();

  private Path file(String text) throws Exception {
    Path p = dir.resolve("e.yaml");
    Files.writeString(p, text);
    return p;
  }

  private static String refusal(Runnable load) {
    try {
      load.run();
    } catch (DsdlException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Jackson").doesNotContain("java.").doesNotContain("`");
      return e.getMessage();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aFractionForAWholeNumberIsRefusedNotTruncated() {
    assertThat(refusal(() -> loader.load(null, List.of("training.epochs=2.9"))))
        .isEqualTo("--set training.epochs=2.9 at 'training.epochs': expected a whole number, got 2.9");
  }

  @Test
  void aStringForANumberIsRefused() throws Exception {
    Path f = file("training:\n  epochs: \"3\"\n  optimizer: {learningRate: \"0.1\"}\n");
    assertThat(refusal(() -> loader.load(f, List.of())))
        .isEqualTo(f + " at 'training.epochs': expected a whole number, got the string \"3\"");
    assertThat(refusal(() -> loader.load(null, List.of("training.optimizer.learningRate=\"0.1\""))))
        .endsWith("at 'training.optimizer.learningRate': expected a number, got the string \"0.1\"");
    assertThat(refusal(() -> loader.load(null, List.of("checkpoints.saveState=1"))))
        .endsWith("expected true or false, got 1");
  }

  @Test
  void wholeNumbersStillBindToNumbersAndAllStillToALayerList() {
    ExperimentConfig c = loader.load(null, List.of("training.optimizer.learningRate=1", "probeSet.layers=all")).config();
    assertThat(c.training().optimizer().learningRate()).isEqualTo(1.0);
    assertThat(c.probeSet().layers()).containsExactly("all");
  }

  @Test
  void jacksonsWordsAreTranslated() {
    assertThat(refusal(() -> loader.load(null, List.of("training.batchSize=~"))))
        .isEqualTo("--set training.batchSize=~ at 'training.batchSize': expected a whole number, got null");
    // epochs may be null, when training.steps replaces it; with neither, the run has no length
    assertThat(refusal(() -> loader.load(null, List.of("training.epochs=~"))))
        .isEqualTo("the built-in experiment with --set training.epochs=~ at 'training': training.epochs or training.steps must be given"
            + " (the run's length in passes over the training split, or in optimisation steps)");
    assertThat(refusal(() -> loader.load(null, List.of("visualizers=abc"))))
        .isEqualTo("--set visualizers=abc at 'visualizers': expected a list, got the string \"abc\"");
    assertThat(refusal(() -> loader.load(null, List.of("training.epochs=3000000000"))))
        .endsWith("expected a whole number from -2,147,483,648 to 2,147,483,647, got 3000000000");
  }

  @Test
  void aRangeErrorNamesTheSetThatCausedIt() {
    assertThat(refusal(() -> loader.load(null, List.of("training.epochs=0"))))
        .isEqualTo("the built-in experiment with --set training.epochs=0 at 'training': training.epochs must be >= 1, got 0");
  }

  @Test
  void aDuplicateKeyIsRefusedNotSilentlyReplaced() throws Exception {
    Path f = file("name: x\ntraining:\n  epochs: 2\n  epochs: 3\n");
    assertThat(refusal(() -> loader.load(f, List.of())))
        .isEqualTo("config file '" + f + "' at line 4: key 'epochs' appears twice in 'training'; give each key once");
    Path top = file("{\"seed\": 1, \"seed\": 2}");
    assertThat(refusal(() -> loader.load(top, List.of()))).contains("key 'seed' appears twice in the top level");
  }

  @Test
  void aYamlAliasIsRefusedNotReadAsItsName() throws Exception {
    Path f = file("dataset: {type: tokens, tokens: &n 4, trainPerClass: *n}\n");
    assertThat(refusal(() -> loader.load(f, List.of())))
        .isEqualTo("config file '" + f + "' at line 1: YAML anchors and aliases (*n) are not supported; write the value out");
    assertThat(loader.load(file("seed: &s 5\n"), List.of()).config().seed()).as("an anchor alone is harmless").isEqualTo(5);
  }

  @Test
  void aDeeplyNestedValueIsRefusedInOneLine() throws Exception {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    Path f = file("model:\n  blocks: " + deep + "\n");
    assertThat(refusal(() -> loader.load(f, List.of())))
        .isEqualTo("config file '" + f + "' at line 2: lists and mappings are nested more than 100 deep");
    assertThat(refusal(() -> loader.load(null, List.of("model.blocks=" + deep))))
        .isEqualTo("--set model.blocks: the value at line 1: lists and mappings are nested more than 100 deep");
  }

  @Test
  void aSyntaxErrorIsOneLineWithItsPlace() {
    assertThat(refusal(() -> loader.load(null, List.of("model.blocks=[[1]"))))
        .isEqualTo("--set model.blocks: the value is not valid YAML/JSON at line 1, column 5: while parsing a flow sequence,"
            + " expected ',' or ']', but got <stream end>");
  }
}
