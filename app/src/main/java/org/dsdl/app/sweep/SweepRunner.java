package org.dsdl.app.sweep;

import java.io.IOException;
import java.util.List;
import org.dsdl.app.sweep.results.ResultsWriter;
import org.dsdl.app.training.StopSignal;

/**
 * Runs a sweep's runs: each through a {@link SweepTask}, each recorded in the {@link SweepJournal}
 * as it starts and ends. A run's failure is recorded and the others go on; a stop ends the runs
 * under way with their state saved and starts no more. A runner holding resources (a Spark
 * session) releases them on {@link #close()}, after the results are written.
 */
public interface SweepRunner extends AutoCloseable {
  /** The name {@code --runner} selects it by. */
  String name();

  /** Runs every run of {@code plan} that the journal does not list as finished. */
  void run(SweepPlan plan, SweepJournal journal, StopSignal stop) throws IOException;

  /** Results files this runner writes beside the built-in ones (e.g. the Spark runner's {@code results.parquet}). */
  default List<ResultsWriter> resultsWriters() {
    return List.of();
  }

  /** Releases what the runner holds; nothing by default. */
  @Override
  default void close() throws IOException {}
}
