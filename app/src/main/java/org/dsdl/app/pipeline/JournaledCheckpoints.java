package org.dsdl.app.pipeline;

import java.io.IOException;
import org.dsdl.api.model.Model;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.checkpoint.CheckpointMeasurer;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunJournal;
import org.dsdl.app.rundir.RunProgress;
import org.dsdl.app.training.Progress;
import org.dsdl.app.training.TrainingLoop;

/**
 * The training loop's checkpoints in a journaled run: measure, list the checkpoint in run.json,
 * then save the resumable state. Manifest first, state second: if the process dies between the
 * two, the state still points before this checkpoint, and a resume measures it again rather
 * than losing it.
 */
record JournaledCheckpoints(RunSetup setup, Model model, CheckpointMeasurer measurer, RunJournal journal, boolean saveState,
    Progress progress) implements TrainingLoop.Checkpoints {
  @Override
  public RunProgress measure(RunProgress p) throws IOException {
    long t0 = System.nanoTime();
    Checkpoint cp = setup.checkpoint(p.nextCheckpoint(), p.step());
    CheckpointMeasurer.Measured m = measurer.measure(model, cp);
    var entry = new Manifest.CheckpointEntry(cp.index(), cp.step(), cp.epoch(), cp.samplesSeen(), journal.elapsed(p));
    p = p.measured(entry, m.failures(), m.probeSeconds()).plusCheckpointSeconds((System.nanoTime() - t0) / 1e9);
    journal.record(RunStatus.RUNNING, p, null);
    if (saveState) {
      long s0 = System.nanoTime();
      p = save(p).plusCheckpointSeconds((System.nanoTime() - s0) / 1e9);
    }
    progress.checkpoint(cp.index(), m.summary());
    return p;
  }

  @Override
  public RunProgress stopped(RunProgress p) throws IOException {
    return saveState ? save(p) : p;
  }

  private RunProgress save(RunProgress p) throws IOException {
    CheckpointMeasurer.SavedStates states = measurer.saveStates(p.nextCheckpoint() - 1);
    journal.saveState(model, p, states.states());
    return p.withFailures(states.failures());
  }
}
