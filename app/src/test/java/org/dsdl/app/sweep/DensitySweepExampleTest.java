package org.dsdl.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped density sweep validates: 5 densities × 3 seeds, every run the same steps and checkpoints. */
class DensitySweepExampleTest {
  @Test
  void theDensitySweepListsFifteenRunsOfEqualTraining() {
    Path file = Path.of("..", "examples", "density-sweep.yaml");
    SweepEndToEndTest.Result r = SweepEndToEndTest.dsdl("validate", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("sweep density: 15 runs (5 conditions × 3 seeds)").contains("# valid: 15 runs");
    for (int density : new int[] {50, 100, 250, 500, 1000}) {
      for (int seed = 1; seed <= 3; seed++) {
        assertThat(r.out()).containsPattern("trainPerClass-" + density + "_seed-" + seed + " +dataset.trainPerClass=" + density + " seed=" + seed
            + "; " + 5 * density + " training exemplars, 3140 steps, 29 checkpoints");
      }
    }
    assertThat(r.out().lines().filter(l -> l.contains("3140 steps, 29 checkpoints"))).hasSize(15);
  }
}
