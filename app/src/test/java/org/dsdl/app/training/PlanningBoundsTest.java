package org.dsdl.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/** What a run plans is bounded, and checked before anything is built. */
class PlanningBoundsTest {
  @Test
  void absurdEpochsAreRefusedWhenTheConfigIsRead() {
    assertThatThrownBy(() -> new ConfigLoader().load(null, List.of("training.epochs=2000000000")))
        .isInstanceOf(DsdlException.class)
        .hasMessage("the built-in experiment with --set training.epochs=2000000000 at 'training': training.epochs must be at most 10000"
            + " (every epoch ends with a checkpoint, and a run may have at most 10000 checkpoints), got 2000000000");
  }

  @Test
  void tooManyCheckpointsAreRefusedBeforeTheScheduleIsBuilt() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> CheckpointSchedule.of(1_000, 10_000, 10_000, true))
        .isInstanceOf(DsdlException.class)
        .hasMessage("training.epochs 10,000 with checkpoints.perEpoch 10,000 plan 10,000,001 checkpoints; a run may have at most 10,000");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void tooManyStepsAreRefused() {
    assertThatThrownBy(() -> CheckpointSchedule.of(60_000, 2_000, 1, true))
        .hasMessage("training.epochs 2,000 of 60,000 steps each (the training split in batches of training.batchSize) are"
            + " 120,000,000 steps; a run may have at most 100,000,000");
  }

  @Test
  void theLimitItselfIsAllowed() {
    CheckpointSchedule s = CheckpointSchedule.of(10_000, 9_999, 1, false);
    assertThat(s.size()).isEqualTo(10_000);
    assertThat(s.totalSteps()).isEqualTo(99_990_000L);
  }

  @Test
  void morePerEpochThanStepsMeansEveryStepAsBefore() {
    for (int spe : new int[] {1, 2, 7, 157}) {
      for (int perEpoch : new int[] {1, 3, 7, 8, 200}) {
        assertThat(CheckpointSchedule.of(spe, 3, perEpoch, true).steps()).as(spe + " steps, " + perEpoch + " per epoch")
            .isEqualTo(naive(spe, 3, perEpoch));
      }
    }
  }

  /** The schedule as it was built before the bounds: every (epoch, k) pair. */
  private static List<Long> naive(long spe, int epochs, int perEpoch) {
    TreeSet<Long> s = new TreeSet<>(List.of(0L));
    for (long k = 1; k < spe; k *= 2) {
      s.add(k);
    }
    for (int e = 0; e < epochs; e++) {
      for (int k = 1; k <= perEpoch; k++) {
        s.add(e * spe + Math.round((double) k * spe / perEpoch));
      }
    }
    s.add(spe * epochs);
    return List.copyOf(s);
  }
}
