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
 */
public record TrainerState(int format, long step, int nextCheckpoint, long samplesSeen, String configSha256, String engineState,
    String engineStateSha256, double trainingSeconds, double sessionSeconds, double checkpointSeconds, Map<String, Double> probeSeconds,
    double elapsedSeconds, String probeState, String probeStateSha256) {
  /** The layout version this dsdl writes and reads. */
  public static final int FORMAT = 1;
}
