package org.dsdl.api.viz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.run.RunRecord;

/**
 * Turns a run's measurements into files: a report, figures, tables, arrays.
 *
 * <p>Works from the {@link RunRecord} alone and must render measurements of probes it does not
 * know (by kind). Write through {@link org.dsdl.api.io.OutputFiles#writeAtomically} so a crash never leaves a half
 * file.
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
}
