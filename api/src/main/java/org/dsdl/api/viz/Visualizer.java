package org.dsdl.api.viz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Turns a run's measurements into files: a report, figures, tables, arrays.
 *
 * <p>Works from the {@link RunRecord} alone and must render measurements of probes it does not
 * know (by kind). Write through {@link org.dsdl.api.io.OutputFiles#writeAtomically} so a crash never leaves a half
 * file.
 *
 * <p>At the end of a run (and in {@code dsdl report}) a run's visualizers render at the same time,
 * each on a thread of its own, from the same {@link RunRecord}: a visualizer writes its own files
 * and must not read another visualizer's.
 */
public interface Visualizer {

  /**
   * Renders the run into its directory.
   *
   * @param run the run read back
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  List<Path> render(RunRecord run) throws IOException;

  /**
   * Called during a run at every checkpoint, after the probes, with the snapshot they saw, the run
   * directory and the run so far ({@code runSoFar} reads the run directory back only when called). For visualizers
   * that need what the run directory does not keep (e.g. activations) or that refresh a live view.
   * With the probes beside training ({@code checkpoints.async}) it is called on their worker thread
   * while training goes on, still after the probes and in checkpoint order.
   * Nothing by default; {@link #render} is still called at the end.
   *
   * @throws IOException if a file cannot be written
   */
  default void checkpoint(Snapshot snapshot, Path runDirectory, Supplier<RunRecord> runSoFar) throws IOException {}
}
