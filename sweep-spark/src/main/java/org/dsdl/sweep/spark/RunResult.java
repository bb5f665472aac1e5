package org.dsdl.sweep.spark;

import java.io.Serializable;
import java.util.List;

/**
 * How a Spark task's run ended, and its measurement rows.
 *
 * @param name the run's name
 * @param status its run.json's status ({@code RunStatus} name)
 * @param exitCode what {@code dsdl run} exits with for it
 * @param error why it failed or stopped, or null
 * @param seconds the task's wall time, copies included
 * @param rows its measurement rows (empty unless it completed)
 */
record RunResult(String name, String status, int exitCode, String error, double seconds, List<MeasuredRow> rows) implements Serializable {
  private static final long serialVersionUID = 1L;

  RunResult {
    rows = List.copyOf(rows);
  }
}
