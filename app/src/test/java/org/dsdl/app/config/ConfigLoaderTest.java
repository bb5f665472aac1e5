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

class ConfigLoaderTest {
  @TempDir
  Path dir;
  private final ConfigLoader loader = new ConfigLoader();

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void theBuiltInExperimentIsTheDenseSampleDefault() {
    ExperimentConfig c = loader.load(null, List.of()).config();
    assertThat(c.dataset().type()).isEqualTo("tokens");
    assertThat(c.model().type()).isNull(); // the resolver's default: vgg, at its default preset vgg-1.24m
    assertThat(c.model().preset()).isNull();
    assertThat(c.probes()).extracting(PluginRef::type).contains("accuracy");
    assertThat(c.visualizers()).extracting(PluginRef::type).contains("csv");
  }

  @Test
  void aUserFileMergesOverTheDefaultsAndOverridesApplyLast() throws Exception {
    Path f = file("e.yaml", "name: mine\ntraining:\n  epochs: 3\ndataset: {type: tokens, tokens: 4}\nprobes: [accuracy, {type: accuracy, name: acc2}]\n");
    ExperimentConfig c = loader.load(f, List.of("training.batchSize=8", "dataset.noise=0.3", "seed=5")).config();
    assertThat(c.name()).isEqualTo("mine");
    assertThat(c.training().epochs()).isEqualTo(3);
    assertThat(c.training().batchSize()).isEqualTo(8);
    assertThat(c.training().optimizer().type()).isEqualTo(org.dsdl.api.model.OptimizerSpec.Kind.ADAM);
    assertThat(c.seed()).isEqualTo(5);
    assertThat(c.dataset().parameters().get("tokens").asInt()).isEqualTo(4);
    assertThat(c.dataset().parameters().get("noise").asDouble()).isEqualTo(0.3);
    assertThat(c.probes()).extracting(PluginRef::displayName).containsExactly("accuracy", "acc2");
  }

  @Test
  void theScheduleAndOptimizerBindToTheirTypesFromTheirConfigSpelling() {
    assertThat(loader.load(null, List.of()).config().training().schedule()).isEqualTo(Schedule.COSINE);
    ExperimentConfig c = loader.load(null, List.of("training.schedule=Step", "training.optimizer.type=SGD")).config();
    assertThat(c.training().schedule()).isEqualTo(Schedule.STEP);
    assertThat(c.training().optimizer().type()).isEqualTo(org.dsdl.api.model.OptimizerSpec.Kind.SGD);
    assertThat(Schedule.ids()).containsExactly("constant", "cosine", "step");
  }

  @Test
  void aBadScheduleOrOptimizerIsRefusedInTheWordsOfBefore() {
    assertThatThrownBy(() -> loader.load(null, List.of("training.schedule=Linear")))
        .hasMessage("--set training.schedule=Linear: training.schedule must be one of [constant, cosine, step], got 'linear'");
    assertThatThrownBy(() -> loader.load(null, List.of("training.optimizer.type=lbfgs")))
        .hasMessage("--set training.optimizer.type=lbfgs: training.optimizer.type must be one of [adam, sgd, rmsprop], got 'lbfgs'");
    assertThatThrownBy(() -> loader.load(null, List.of("training.schedule=[cosine]")))
        .hasMessageStartingWith("--set training.schedule=[cosine] at 'training.schedule': expected");
  }

  @Test
  void setPromotesAPluginNameToAnObject() {
    ExperimentConfig c = loader.load(null, List.of("dataset.tokens=3")).config();
    assertThat(c.dataset().type()).isEqualTo("tokens");
    assertThat(c.dataset().parameters().get("tokens").asInt()).isEqualTo(3);
  }

  @Test
  void jsonWorksToo() throws Exception {
    Path f = file("e.json", "{\"name\": \"j\", \"training\": {\"epochs\": 2}}");
    assertThat(loader.load(f, List.of()).config().training().epochs()).isEqualTo(2);
  }

  @Test
  void anUnknownKeyNamesTheKeyItsPathAndTheAllowedKeys() throws Exception {
    Path f = file("bad.yaml", "training:\n  epocs: 3\n");
    assertThatThrownBy(() -> loader.load(f, List.of()))
        .isInstanceOf(DsdlException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("unknown key 'epocs' in training")
        .hasMessageContaining("allowed keys: batchSize, epochs, minLearningRateFactor, optimizer, schedule, stepEpochs, stepFactor, steps, trainEvalSize")
        .satisfies(e -> assertThat(((DsdlException) e).exitCode()).isEqualTo(ExitCodes.BAD_INPUT));
  }

  @Test
  void aWrongTypeSaysWhatWasExpectedWhere() throws Exception {
    Path f = file("bad.yaml", "training:\n  epochs: many\n");
    assertThatThrownBy(() -> loader.load(f, List.of())).hasMessageContaining("at 'training.epochs'").hasMessageContaining("a whole number");
  }

  @Test
  void aValueOutOfRangeNamesTheKey() {
    assertThatThrownBy(() -> loader.load(null, List.of("training.epochs=0"))).hasMessageContaining("training.epochs must be >= 1, got 0");
  }

  @Test
  void missingAndMalformedFilesAreBadInput() throws Exception {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), List.of())).hasMessageContaining("does not exist");
    Path f = file("broken.yaml", "training: [unclosed\n");
    assertThatThrownBy(() -> loader.load(f, List.of())).hasMessageContaining("not valid YAML/JSON at line");
    assertThatThrownBy(() -> loader.load(null, List.of("novalue"))).hasMessageContaining("expected key.path=value");
  }
}
