package org.dsdl.app.pipeline;

import java.io.IOException;
import org.dsdl.api.model.Model;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunStatus;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.checkpoint.CheckpointMeasurer;
import org.dsdl.app.checkpoint.CheckpointWorker;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunJournal;
import org.dsdl.app.rundir.RunProgress;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.TrainingLoop;

/**
 * The checkpoints of a journaled run with the probes beside training. At checkpoint k the trainer
 * takes the snapshot (the weights of step k, never later ones) and, when state is saved, writes the
 * model's state; then training goes on while a {@link CheckpointWorker} has the probes measure the
 * snapshot and records the checkpoint exactly as {@link JournaledCheckpoints} does: measurements,
 * run.json, then the saved state, committed only once k's probes are done. Checkpoints are measured
 * one after another in order, so the measurements reach metrics.jsonl in the synchronous order, and
 * a kill at any moment leaves a saved state that a resume continues from without a gap. At most
 * {@code maxPending} snapshots are held: the trainer waits at a checkpoint while the worker is that
 * far behind. A stop or the end waits for every pending checkpoint.
 */
final class CheckpointsBesideTraining implements TrainingLoop.Checkpoints, AutoCloseable {
  private final RunSetup setup;
  private final Model model;
  private final CheckpointMeasurer measurer;
  private final RunJournal journal;
  private final boolean saveState;
  private final Progress progress;
  private final JournaledCheckpoints inline;
  private final CheckpointWorker worker;
  /** The record (checkpoints, failures, probe seconds) up to the last checkpoint the worker finished; the worker's alone until a drain. */
  private volatile RunProgress recorded;

  /**
   * Checkpoints of a session that starts at {@code from}.
   *
   * @param maxPending the most snapshots taken and not yet measured
   */
  CheckpointsBesideTraining(RunSetup setup, Model model, CheckpointMeasurer measurer, RunJournal journal, boolean saveState,
      Progress progress, RunProgress from, int maxPending) {
    this.setup = setup;
    this.model = model;
    this.measurer = measurer;
    this.journal = journal;
    this.saveState = saveState;
    this.progress = progress;
    this.inline = new JournaledCheckpoints(setup, model, measurer, journal, saveState, progress);
    this.worker = new CheckpointWorker(maxPending, "probes-beside-training");
    this.recorded = from;
  }

  @Override
  public RunProgress measure(RunProgress p) throws IOException {
    long t0 = System.nanoTime();
    worker.reserve();
    RunProgress at;
    try {
      Checkpoint cp = setup.checkpoint(p.nextCheckpoint(), p.step());
      Snapshot snapshot = measurer.snapshot(model, cp);
      at = p.handedOver(cp.index());
      String engineFile = saveState ? journal.saveEngineState(model, at) : null;
      at = at.plusCheckpointSeconds((System.nanoTime() - t0) / 1e9);
      progress.checkpoint(cp.index(), CheckpointMeasurer.summary(snapshot));
      RunProgress position = at;
      worker.submit(() -> recorded = record(position, snapshot, engineFile));
    } catch (IOException | RuntimeException | Error e) {
      worker.cancel();
      throw e;
    }
    return at;
  }

  /** On the worker: measures the snapshot, lists the checkpoint in run.json, then commits the state saved at it. */
  private RunProgress record(RunProgress at, Snapshot snapshot, String engineFile) throws IOException {
    Checkpoint cp = snapshot.checkpoint();
    CheckpointMeasurer.Measured m = measurer.measure(snapshot);
    var entry = new Manifest.CheckpointEntry(cp.index(), cp.step(), cp.epoch(), cp.samplesSeen(), journal.elapsed(at));
    RunProgress p = at.withRecordOf(recorded).measured(entry, m.failures(), m.probeSeconds());
    journal.record(RunStatus.RUNNING, p, null);
    if (saveState) {
      CheckpointMeasurer.SavedStates states = measurer.saveStates(cp.index());
      journal.commitState(engineFile, p, states.states());
      p = p.withFailures(states.failures());
    }
    return p;
  }

  @Override
  public RunProgress stopped(RunProgress p) throws IOException {
    return inline.stopped(ended(p));
  }

  /** Waits for every pending checkpoint and returns {@code p} with their record (the wait counts as checkpoint time). */
  @Override
  public RunProgress ended(RunProgress p) throws IOException {
    long t0 = System.nanoTime();
    worker.drain();
    return p.withRecordOf(recorded).plusCheckpointSeconds((System.nanoTime() - t0) / 1e9);
  }

  /** Lets pending checkpoints finish (after a failure of training, so that what was measured is kept), then ends the worker. */
  @Override
  public void close() {
    worker.close();
  }
}
