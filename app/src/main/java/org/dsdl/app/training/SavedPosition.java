package org.dsdl.app.training;

import java.nio.file.Path;
import java.util.List;
import org.dsdl.app.DsdlException;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.TrainerState;

/**
 * Cross-checks a saved training position against the run's schedule and manifest before a resume
 * trusts it: state is saved right after a checkpoint is measured, or between two checkpoints when
 * a run is stopped, so its step, checkpoint index and sample count must agree with each other.
 */
public final class SavedPosition {
  private SavedPosition() {}

  /** Refuses a saved state whose position does not fit the schedule, the feeder or the manifest. */
  public static void check(Path runDir, TrainerState s, Manifest manifest, CheckpointSchedule schedule, BatchFeeder feeder) {
    int next = s.nextCheckpoint();
    if (next < 1 || next > schedule.size()) {
      throw refuse(runDir, "nextCheckpoint is " + next + ", but the schedule has checkpoints 0.." + (schedule.size() - 1));
    }
    List<Long> steps = schedule.steps();
    long low = steps.get(next - 1);
    long high = next < schedule.size() ? steps.get(next) - 1 : schedule.totalSteps();
    if (s.step() < low || s.step() > high) {
      throw refuse(runDir, "step is " + s.step() + ", but after checkpoint " + (next - 1) + " it must lie in " + low + ".." + high);
    }
    if (s.samplesSeen() != feeder.samplesSeen(s.step())) {
      throw refuse(runDir, "samplesSeen is " + s.samplesSeen() + ", but " + s.step() + " steps consume " + feeder.samplesSeen(s.step()));
    }
    if (s.metricsLines() < 0) {
      throw refuse(runDir, "metricsLines is " + s.metricsLines());
    }
    for (int i = 0; i < next; i++) {
      int index = i;
      Manifest.CheckpointEntry entry = manifest.checkpoints().stream().filter(c -> c.index() == index).findFirst()
          .orElseThrow(() -> refuse(runDir, "checkpoint " + index + " is saved as measured, but run.json does not list it"));
      if (entry.step() != steps.get(i)) {
        throw refuse(runDir, "run.json puts checkpoint " + i + " at step " + entry.step() + ", the schedule at " + steps.get(i));
      }
    }
  }

  private static DsdlException refuse(Path runDir, String why) {
    return DsdlException.badInput("cannot resume " + runDir + ": the saved state does not fit the run (" + why + ")");
  }
}
