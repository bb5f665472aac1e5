package org.dsdl.app.sweep.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.app.sweep.SweepRun;

/**
 * One of a sweep's results files, written from the long table once the runs have ended (e.g.
 * {@code results.csv}, {@code summary.csv}). Each writes atomically: a reader never sees half a file.
 */
public interface ResultsWriter {
  /**
   * Writes into {@code sweepDir} and returns the files written.
   *
   * @param runs every run of the sweep, in expansion order (the columns come from their settings)
   * @param rows the long table of the completed runs
   */
  List<Path> write(Path sweepDir, List<SweepRun> runs, List<ResultRow> rows) throws IOException;
}
