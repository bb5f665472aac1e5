package org.dsdl.app.rundir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run stands, as one immutable value: the training position, the timings so far, and the
 * checkpoints measured and probe failures met so far. The training loop and the checkpoint capture
 * make new records as the run goes; {@code state/trainer.json} is written from one
 * ({@link #toTrainerState}) and a resume starts from the one read back ({@link #restore}).
 *
 * @param step optimisation steps taken
 * @param nextCheckpoint index of the next checkpoint to measure
 * @param samplesSeen training exemplars consumed
 * @param trainingSeconds training-loop seconds so far
 * @param sessionSeconds seconds inside the engine's training calls so far
 * @param checkpointSeconds seconds spent measuring checkpoints and saving state so far
 * @param probeSeconds seconds per probe so far, in the order probes first ran
 * @param earlierSeconds wall seconds of the run's earlier sessions (before a resume)
 * @param checkpoints the checkpoints measured so far, in order
 * @param failures the probe failures so far, in order
 */
public record RunProgress(long step, int nextCheckpoint, long samplesSeen, double trainingSeconds, double sessionSeconds,
    double checkpointSeconds, Map<String, Double> probeSeconds, double earlierSeconds, List<Manifest.CheckpointEntry> checkpoints,
    List<Manifest.ProbeFailure> failures) {

  /** A new run: nothing trained, measured or timed. */
  public static final RunProgress START = new RunProgress(0, 0, 0, 0, 0, 0, Map.of(), 0, List.of(), List.of());

  /** Copies the collections (probe seconds keep their order). */
  public RunProgress {
    probeSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probeSeconds));
    checkpoints = List.copyOf(checkpoints);
    failures = List.copyOf(failures);
  }

  /**
   * The progress a saved state records: position and timings from {@code saved}, and the
   * checkpoints and failures of {@code manifest} that lie before the saved position (those after it
   * are measured again).
   */
  public static RunProgress restore(TrainerState saved, Manifest manifest) {
    int next = saved.nextCheckpoint();
    return new RunProgress(saved.step(), next, saved.samplesSeen(), saved.trainingSeconds(), saved.sessionSeconds(),
        saved.checkpointSeconds(), saved.probeSeconds(), saved.elapsedSeconds(),
        manifest.checkpoints().stream().filter(c -> c.index() < next).toList(),
        manifest.probeFailures().stream().filter(f -> f.checkpoint() >= 0 && f.checkpoint() < next).toList());
  }

  /**
   * The trainer's state for this progress (unsealed; {@link StateStore#save} names the files and
   * seals it).
   *
   * @param configSha256 the hash of the run's resolved config
   * @param elapsedSeconds wall seconds of the run so far, this session included
   * @param metricsLines lines of metrics.jsonl written up to now
   */
  public TrainerState toTrainerState(String configSha256, double elapsedSeconds, long metricsLines) {
    return new TrainerState(TrainerState.FORMAT, step, nextCheckpoint, samplesSeen, configSha256, null, null, trainingSeconds,
        sessionSeconds, checkpointSeconds, Map.copyOf(probeSeconds), elapsedSeconds, null, null, metricsLines, null, null);
  }

  /**
   * After one training step.
   *
   * @param count exemplars in the step's batch
   * @param engineNanos nanoseconds inside the engine's call
   * @param wallNanos nanoseconds of the whole step
   */
  public RunProgress afterStep(int count, long engineNanos, long wallNanos) {
    return new RunProgress(step + 1, nextCheckpoint, samplesSeen + count, trainingSeconds + wallNanos / 1e9,
        sessionSeconds + engineNanos / 1e9, checkpointSeconds, probeSeconds, earlierSeconds, checkpoints, failures);
  }

  /**
   * After measuring the next checkpoint: it is listed, the probes' failures and seconds are added,
   * and the next checkpoint is the one after it.
   */
  public RunProgress measured(Manifest.CheckpointEntry entry, List<Manifest.ProbeFailure> newFailures, Map<String, Double> seconds) {
    List<Manifest.CheckpointEntry> cps = new ArrayList<>(checkpoints);
    cps.add(entry);
    return new RunProgress(step, entry.index() + 1, samplesSeen, trainingSeconds, sessionSeconds, checkpointSeconds,
        plus(probeSeconds, seconds), earlierSeconds, cps, concat(failures, newFailures));
  }

  /**
   * After the snapshot of checkpoint {@code index} was handed to probes beside training: the next
   * checkpoint is the one after it, and its record (entry, failures, probe seconds) is added later,
   * by {@link #withRecordOf}.
   */
  public RunProgress handedOver(int index) {
    return new RunProgress(step, index + 1, samplesSeen, trainingSeconds, sessionSeconds, checkpointSeconds, probeSeconds, earlierSeconds,
        checkpoints, failures);
  }

  /**
   * This position and these timings with the record of {@code measured}: its checkpoints, probe
   * failures and probe seconds (kept by the probes beside training while this progress trained on).
   */
  public RunProgress withRecordOf(RunProgress measured) {
    return new RunProgress(step, nextCheckpoint, samplesSeen, trainingSeconds, sessionSeconds, checkpointSeconds, measured.probeSeconds,
        earlierSeconds, measured.checkpoints, measured.failures);
  }

  /** With these failures added. */
  public RunProgress withFailures(List<Manifest.ProbeFailure> newFailures) {
    if (newFailures.isEmpty()) {
      return this;
    }
    return new RunProgress(step, nextCheckpoint, samplesSeen, trainingSeconds, sessionSeconds, checkpointSeconds, probeSeconds,
        earlierSeconds, checkpoints, concat(failures, newFailures));
  }

  /** With {@code seconds} more spent on checkpoints. */
  public RunProgress plusCheckpointSeconds(double seconds) {
    return new RunProgress(step, nextCheckpoint, samplesSeen, trainingSeconds, sessionSeconds, checkpointSeconds + seconds, probeSeconds,
        earlierSeconds, checkpoints, failures);
  }

  /** Training throughput so far, exemplars per training second (0 before any training). */
  public double samplesPerSecond() {
    return trainingSeconds == 0 ? 0 : samplesSeen / trainingSeconds;
  }

  private static Map<String, Double> plus(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> sum = new LinkedHashMap<>(a);
    b.forEach((k, v) -> sum.merge(k, v, Double::sum));
    return sum;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
