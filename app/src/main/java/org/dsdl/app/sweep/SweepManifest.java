package org.dsdl.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.dsdl.api.run.RunStatus;

/**
 * {@code sweep.json}: the study as run. Its layout is a contract with tools outside dsdl;
 * {@code format} changes when it does.
 *
 * @param format layout version of this file
 * @param name the sweep's name
 * @param status {@code RUNNING} while runs go on; then {@code COMPLETED} (every run completed without a probe failure),
 *     {@code FAILED} (some run failed or had a probe failure) or {@code INTERRUPTED} (stopped; continue with {@code --resume})
 * @param runner the runner that ran it, e.g. {@code local}
 * @param parallel runs at a time
 * @param threadsPerRun engine threads given to each run (0: the engine's default)
 * @param versions dsdl, Java, OS and CPU
 * @param spec the sweep file as read: base (inlined), its source and folder, seeds (listed), grid, conditions
 * @param started when the sweep (its latest session) started, ISO-8601
 * @param seconds wall seconds of the sweep, over all its sessions
 * @param runs every run, in expansion order
 * @param outputs the files the results writers wrote, relative to the sweep directory; empty until they have run
 */
public record SweepManifest(int format, String name, RunStatus status, String runner, int parallel, int threadsPerRun,
    Map<String, String> versions, JsonNode spec, String started, double seconds, List<Entry> runs, List<String> outputs) {
  /** The layout version this dsdl writes and reads. */
  public static final int FORMAT = 1;

  /** Copies the lists. */
  public SweepManifest {
    runs = List.copyOf(runs);
    outputs = List.copyOf(outputs);
  }

  /**
   * One run of the sweep.
   *
   * @param name the run's name
   * @param condition its condition's label (the name without the seed)
   * @param conditionName the named condition, or null
   * @param settings the keys it sets over the base
   * @param seed its seed
   * @param directory its run directory, relative to the sweep directory
   * @param status {@code null} before it starts; then as its run.json says, or {@code FAILED} when it could not be set up
   * @param exitCode what {@code dsdl run} would have exited with, or null before it ended
   * @param error why it failed or stopped, or null
   * @param seconds wall seconds of its latest session, or null before it ended
   */
  public record Entry(String name, String condition, String conditionName, Map<String, JsonNode> settings, long seed, String directory,
      RunStatus status, Integer exitCode, String error, Double seconds) {
    /** This entry with another outcome. */
    public Entry with(RunStatus newStatus, Integer newExitCode, String newError, Double newSeconds) {
      return new Entry(name, condition, conditionName, settings, seed, directory, newStatus, newExitCode, newError, newSeconds);
    }

    /** Whether the run ended for good: completed (with or without probe failures) or failed. */
    public boolean finished() {
      return status == RunStatus.COMPLETED || status == RunStatus.FAILED;
    }
  }
}
