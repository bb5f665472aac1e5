package org.dsdl.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.app.DsdlException;
import org.dsdl.app.DsdlModule;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run of a sweep is resolved before any starts: settings applied over the base, unknown keys refused, threads divided. */
class SweepPlannerTest {
  @TempDir
  Path dir;
  private final SweepPlanner planner = Guice.createInjector(new DsdlModule()).getInstance(SweepPlanner.class);

  private SweepPlan plan(String text, int threads) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, text);
    return planner.plan(SweepFile.read(f, new ConfigLoader()), "sweep file 's.yaml'", List.of(), threads);
  }

  @Test
  void eachRunIsTheBaseWithItsSettingsSeedAndName() throws Exception {
    SweepPlan p = plan("base: {training: {epochs: 2}, dataset: {type: tokens, minPerClass: 10}}\nseeds: [5, 6]\n"
        + "grid: {dataset.trainPerClass: [10, 20]}\n", 0);
    assertThat(p.runs()).hasSize(4);
    var last = p.runs().get(3).plan();
    assertThat(last.config().name()).isEqualTo("trainPerClass-20_seed-6");
    assertThat(last.config().seed()).isEqualTo(6);
    assertThat(last.config().training().epochs()).isEqualTo(2);
    assertThat(last.resolved().at("/dataset/trainPerClass").asInt()).isEqualTo(20);
    assertThat(last.resolved().at("/dataset/minPerClass").asInt()).isEqualTo(10);
    assertThat(last.resolved().at("/engine/intraOpThreads").asInt()).as("threads left alone").isZero();
  }

  @Test
  void aGridKeyTheExperimentDoesNotHaveIsRefusedNamingItAndTheAllowedKeys() {
    assertThatThrownBy(() -> plan("base: {}\nseeds: 1\ngrid: {training.epocs: [1, 2]}\n", 0))
        .isInstanceOf(DsdlException.class)
        .satisfies(e -> assertThat(((DsdlException) e).exitCode()).isEqualTo(ExitCodes.BAD_INPUT))
        .hasMessageStartingWith("sweep file 's.yaml', run 'epocs-1_seed-1': ")
        .hasMessageContaining("sweep file 's.yaml' grid training.epocs=1")
        .hasMessageContaining("unknown key 'epocs' in training; allowed keys: batchSize, epochs");
    assertThatThrownBy(() -> plan("base: {}\nseeds: 1\nconditions: [{name: a, set: {dataset.trainPerClas: 5}}]\n", 0))
        .hasMessageStartingWith("sweep file 's.yaml', run 'a_seed-1': ")
        .hasMessageContaining("trainPerClas");
    assertThatThrownBy(() -> plan("base: {}\nseeds: 1\ngrid: {training.batchSize: [8, eight]}\n", 0))
        .hasMessageContaining("run 'batchSize-eight_seed-1'")
        .hasMessageContaining("sweep file 's.yaml' grid training.batchSize=\"eight\" at 'training.batchSize': expected a whole number");
  }

  @Test
  void threadsAreDividedUnlessTheConfigSetsThem() throws Exception {
    var divided = plan("base: {}\nseeds: 1\n", 1).runs().get(0).plan().resolved();
    assertThat(divided.at("/engine/intraOpThreads").asInt()).isEqualTo(1);
    assertThat(divided.at("/engine/interOpThreads").asInt()).isEqualTo(1);
    assertThat(divided.at("/checkpoints/async").asText()).as("the cores a run leaves are the other runs'").isEqualTo("never");
    var own = plan("base: {engine: {type: tensorflow, intraOpThreads: 2}}\nseeds: 1\n", 1).runs().get(0).plan().resolved();
    assertThat(own.at("/engine/intraOpThreads").asInt()).isEqualTo(2);
    assertThat(own.at("/engine/interOpThreads").asInt()).isZero();
    assertThat(own.at("/checkpoints/async").asText()).isEqualTo("auto");
    var asked = plan("base: {checkpoints: {async: always}}\nseeds: 1\n", 1).runs().get(0).plan().resolved();
    assertThat(asked.at("/checkpoints/async").asText()).isEqualTo("always");
    assertThat(plan("base: {}\nseeds: 1\n", 0).runs().get(0).plan().resolved().at("/checkpoints/async").asText()).isEqualTo("auto");
  }
}
