package org.dsdl.app.sweep;

import java.util.List;
import org.dsdl.app.pipeline.ExperimentPlan;

/**
 * A sweep whose every run is resolved and checked: what remains can only fail on a run's data or
 * during its training.
 *
 * @param spec the sweep
 * @param runs its runs, each with its experiment, in expansion order
 * @param threadsPerRun the engine threads each run was given (0: the engine's default, every core)
 */
public record SweepPlan(SweepSpec spec, List<Planned> runs, int threadsPerRun) {
  /** Copies the list. */
  public SweepPlan {
    runs = List.copyOf(runs);
  }

  /**
   * One run and its experiment.
   *
   * @param run the run
   * @param plan its experiment: the base with the run's settings, seed and name applied
   */
  public record Planned(SweepRun run, ExperimentPlan plan) {}
}
