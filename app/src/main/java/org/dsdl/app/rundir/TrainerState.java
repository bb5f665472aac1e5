package org.dsdl.app.rundir;

import java.util.Map;

/**
 * {@code state/trainer.json}: where training stands, written after the engine's state file it
 * names, so that it always points to a complete one.
 *
 * @param format layout version
 * @param step optimisation steps taken
 * @param nextCheckpoint index of the next checkpoint to measure (all before it are in metrics.jsonl)
 * @param samplesSeen training exemplars consumed
 * @param configSha256 SHA-256 of the resolved config in run.json, to refuse a foreign state
 * @param engineState the engine's state file, relative to {@code state/}
 * @param engineStateSha256 SHA-256 of that file
 * @param trainingSeconds training-loop seconds so far
 * @param sessionSeconds seconds inside engine calls so far
 * @param checkpointSeconds checkpoint seconds so far
 * @param probeSeconds seconds per probe so far
 * @param elapsedSeconds wall seconds of the run so far
 * @param probeState the probes' saved states, relative to {@code state/}; null if none was written
 * @param probeStateSha256 SHA-256 of that file
 * @param metricsLines lines of metrics.jsonl written up to this state; a resume keeps exactly these
 * @param workFiles SHA-256 of every file in the probes' work directories, by path relative to {@code state/}
 * @param seal SHA-256 of this record written with a null seal: a hand-edited trainer.json is refused
 */
public record TrainerState(int format, long step, int nextCheckpoint, long samplesSeen, String configSha256, String engineState,
    String engineStateSha256, double trainingSeconds, double sessionSeconds, double checkpointSeconds, Map<String, Double> probeSeconds,
    double elapsedSeconds, String probeState, String probeStateSha256, long metricsLines, Map<String, String> workFiles, String seal) {
  /** The layout version this dsdl writes and reads. */
  public static final int FORMAT = 2;

  /** This record with its seal computed. */
  public TrainerState sealed() {
    return new TrainerState(format, step, nextCheckpoint, samplesSeen, configSha256, engineState, engineStateSha256, trainingSeconds,
        sessionSeconds, checkpointSeconds, probeSeconds, elapsedSeconds, probeState, probeStateSha256, metricsLines, workFiles,
        expectedSeal());
  }

  /** The seal this record's content calls for. */
  String expectedSeal() {
    TrainerState unsealed = new TrainerState(format, step, nextCheckpoint, samplesSeen, configSha256, engineState, engineStateSha256,
        trainingSeconds, sessionSeconds, checkpointSeconds, probeSeconds == null ? null : new java.util.TreeMap<>(probeSeconds),
        elapsedSeconds, probeState, probeStateSha256, metricsLines, workFiles == null ? null : new java.util.TreeMap<>(workFiles), null);
    try {
      return StateStore.sha256(Json.LINES.writeValueAsBytes(unsealed));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
