package org.dsdl.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.CheckpointSpacing;
import org.dsdl.app.config.ConfigLoader;
import org.dsdl.app.config.RunLength;
import org.dsdl.app.config.TrainingConfig;
import org.junit.jupiter.api.Test;

/** {@code training.steps} (a step budget instead of epochs) and {@code checkpoints.every} (checkpoints placed by steps). */
class StepBudgetTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void theDefaultExperimentStillCountsEpochsAndCheckpointsPerEpoch() {
    var c = loader.load(null, List.of()).config();
    assertThat(c.training().epochs()).isEqualTo(20);
    assertThat(c.training().steps()).isNull();
    assertThat(c.training().length()).isEqualTo(new RunLength.Epochs(20));
    assertThat(c.checkpoints().spacing()).isEqualTo(new CheckpointSpacing.PerEpoch(2));
    // the default run's schedule, built the new way, is the one built before step budgets existed
    assertThat(CheckpointSchedule.of(157, c.training().length(), c.checkpoints().spacing(), true))
        .isEqualTo(CheckpointSchedule.of(157, 20, 2, true));
    assertThat(CheckpointSchedule.of(157, 20, 2, true).totalSteps()).isEqualTo(3140);
  }

  @Test
  void givingStepsReplacesTheDefaultEpochs() {
    var loaded = loader.load(null, List.of("training.steps=500"));
    assertThat(loaded.config().training().steps()).isEqualTo(500L);
    assertThat(loaded.config().training().epochs()).isNull();
    assertThat(loaded.tree().at("/training/epochs").isNull()).as("the resolved config says epochs: null").isTrue();
    assertThat(loaded.config().training().length()).isEqualTo(new RunLength.Steps(500));
  }

  @Test
  void givingEveryReplacesTheDefaultPerEpoch() {
    var c = loader.load(null, List.of("checkpoints={every: 100}")).config();
    assertThat(c.checkpoints().perEpoch()).isNull();
    assertThat(c.checkpoints().spacing()).isEqualTo(new CheckpointSpacing.Every(100));
  }

  @Test
  void givingBothIsRefusedNamingBothKeys() {
    assertThatThrownBy(() -> loader.load(null, List.of("training.steps=500", "training.epochs=3")))
        .isInstanceOf(DsdlException.class)
        .hasMessageContaining("training.steps and training.epochs are both given; give one");
    assertThatThrownBy(() -> loader.load(null, List.of("checkpoints.every=10", "checkpoints.perEpoch=3")))
        .hasMessageContaining("checkpoints.every and checkpoints.perEpoch are both given; give one");
    // an explicit null gives way
    assertThat(loader.load(null, List.of("training.epochs=null", "training.steps=7")).config().training().steps()).isEqualTo(7L);
  }

  @Test
  void neitherIsRefused() {
    assertThatThrownBy(() -> loader.load(null, List.of("training.epochs=null")))
        .hasMessageContaining("training.epochs or training.steps must be given");
  }

  @Test
  void outOfRangeStepsAndEveryAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> loader.load(null, List.of("training.steps=0")))
        .hasMessageContaining("training.steps must be between 1 and 100,000,000, got 0");
    assertThatThrownBy(() -> loader.load(null, List.of("checkpoints.every=-1")))
        .hasMessageContaining("checkpoints.every must be between 1 and 100,000,000 steps, got -1");
    assertThat(TrainingConfig.MAX_STEPS).isEqualTo(CheckpointSchedule.MAX_STEPS);
  }

  @Test
  void aStepBudgetEndsInsideAnEpochWithPerEpochCheckpointsUpToIt() {
    // 10 steps per epoch, 25 steps: epochs 0, 1 whole and half of 2; two per epoch at 5, 10, 15, 20, 25
    CheckpointSchedule s = CheckpointSchedule.of(10, new RunLength.Steps(25), new CheckpointSpacing.PerEpoch(2), true);
    assertThat(s.steps()).containsExactly(0L, 1L, 2L, 4L, 5L, 8L, 10L, 15L, 20L, 25L);
    assertThat(s.totalSteps()).isEqualTo(25);
    // a budget that ends off the per-epoch grid still ends with its last step
    assertThat(CheckpointSchedule.of(10, new RunLength.Steps(23), new CheckpointSpacing.PerEpoch(1), false).steps())
        .containsExactly(0L, 10L, 20L, 23L);
    // a budget shorter than an epoch
    assertThat(CheckpointSchedule.of(100, new RunLength.Steps(6), new CheckpointSpacing.PerEpoch(2), true).steps())
        .containsExactly(0L, 1L, 2L, 4L, 6L);
  }

  @Test
  void everyPlacesCheckpointsAtTheSameStepsWhateverTheEpochLength() {
    List<Long> expected = List.of(0L, 1L, 2L, 4L, 8L, 16L, 32L, 50L, 64L, 100L, 128L, 150L, 200L, 250L);
    // 16 and 313 steps per epoch (250 and 5,000 exemplars in batches of 16): the same checkpoints
    for (long stepsPerEpoch : new long[] {16, 313}) {
      CheckpointSchedule s = CheckpointSchedule.of(stepsPerEpoch, new RunLength.Steps(250), new CheckpointSpacing.Every(50), true);
      assertThat(s.steps()).as(stepsPerEpoch + " steps per epoch").isEqualTo(expected.stream().filter(k -> k < 50 || k % 50 == 0).toList());
    }
    assertThat(CheckpointSchedule.of(16, new RunLength.Steps(250), new CheckpointSpacing.Every(50), true).steps())
        .containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 32L, 50L, 100L, 150L, 200L, 250L);
    assertThat(CheckpointSchedule.of(16, new RunLength.Steps(120), new CheckpointSpacing.Every(50), false).steps())
        .containsExactly(0L, 50L, 100L, 120L);
    // with epochs: every 7 steps over 2 epochs of 10
    assertThat(CheckpointSchedule.of(10, new RunLength.Epochs(2), new CheckpointSpacing.Every(7), false).steps())
        .containsExactly(0L, 7L, 14L, 20L);
  }

  @Test
  void tooManyCheckpointsByStepsAreRefusedBeforeBuildingNamingTheKeys() {
    assertThatThrownBy(() -> CheckpointSchedule.of(10, new RunLength.Steps(50_000_000), new CheckpointSpacing.Every(1), true))
        .isInstanceOf(DsdlException.class)
        .hasMessage("training.steps 50,000,000 with checkpoints.every 1 plan 50,000,002 checkpoints; a run may have at most 10,000");
    assertThatThrownBy(() -> CheckpointSchedule.of(10, new RunLength.Steps(100_000), new CheckpointSpacing.PerEpoch(2), false))
        .hasMessage("training.steps 100,000 with checkpoints.perEpoch 2 plan 20,001 checkpoints; a run may have at most 10,000");
  }
}
