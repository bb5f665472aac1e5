package org.dsdl.app.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dsdl.api.model.Model;
import org.dsdl.app.DsdlException;
import org.dsdl.app.checkpoint.CheckpointMeasurer;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.RunJournal;
import org.dsdl.app.rundir.RunProgress;
import org.dsdl.app.rundir.StateStore;
import org.dsdl.app.rundir.TrainerState;
import org.dsdl.app.rundir.WorkFiles;
import org.dsdl.app.training.SavedPosition;

/**
 * Where a stopped or killed run continues, read back and checked against the run as set up now
 * (without modifying anything), then {@linkplain #restore restored}: the run set up again, the saved trainer state, the progress it
 * restores, the probes' saved states, and the probes' work files written after it (to be removed
 * before the resume goes on).
 *
 * @param setup the run set up again from its manifest's config
 * @param saved the trainer's saved state
 * @param progress the progress the run continues from
 * @param probeStates the probes' saved states, by probe name
 * @param laterWork probe work files written after the state was saved
 */
public record ResumePoint(RunSetup setup, TrainerState saved, RunProgress progress, Map<String, byte[]> probeStates, List<Path> laterWork) {

  /**
   * Loads the saved state of {@code runDir}, then sets the run up again ({@code setUp}) and checks
   * the state and the data loaded now against the manifest and the setup; any mismatch is bad input
   * naming what differs.
   */
  public static ResumePoint load(Path runDir, Manifest manifest, Supplier<RunSetup> setUp) {
    TrainerState saved = StateStore.load(runDir, RunJournal.configSha256(manifest.config()));
    RunSetup setup = setUp.get();
    Manifest.DatasetSummary now = setup.data().summary(setup.plan().dataset().plugin().name());
    if (!now.trainIdsSha256().equals(manifest.dataset().trainIdsSha256()) || !now.contentSha256().equals(manifest.dataset().contentSha256())
        || !now.probeSetIdsSha256().equals(manifest.dataset().probeSetIdsSha256())) {
      throw DsdlException.badInput("cannot resume " + runDir + ": the dataset loaded now differs from the one the run started with"
          + " (content or id hashes in run.json differ)");
    }
    SavedPosition.check(runDir, saved, manifest, setup.schedule(), setup.feeder());
    List<Path> laterWork = WorkFiles.verify(runDir, saved.workFiles());
    Map<String, byte[]> probeStates = StateStore.probeStatesOf(runDir, saved);
    return new ResumePoint(setup, saved, RunProgress.restore(saved, manifest), probeStates, laterWork);
  }

  /**
   * Puts the run back where it was saved: the model's state and each probe's, and removes the
   * probes' work files written after the save. The first change to the run directory.
   */
  public void restore(Path runDir, Model model) throws IOException {
    try {
      model.restoreState(StateStore.engineStateOf(runDir, saved));
    } catch (IllegalArgumentException e) {
      throw DsdlException.badInput("cannot resume " + runDir + ": " + e.getMessage(), e);
    }
    CheckpointMeasurer.restoreStates(setup.probes(), probeStates, runDir);
    for (Path p : laterWork) {
      Files.deleteIfExists(p);
    }
  }
}
