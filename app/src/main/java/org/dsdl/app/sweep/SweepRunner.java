package org.dsdl.app.sweep;

import org.dsdl.app.training.StopSignal;

/**
 * Runs a sweep's runs: each through a {@link SweepTask}, each recorded in the {@link SweepJournal}
 * as it starts and ends. A run's failure is recorded and the others go on; a stop ends the runs
 * under way with their state saved and starts no more.
 */
public interface SweepRunner {
  /** The name {@code --runner} selects it by. */
  String name();

  /** Runs every run of {@code plan} that the journal does not list as finished. */
  void run(SweepPlan plan, SweepJournal journal, StopSignal stop) throws java.io.IOException;
}
