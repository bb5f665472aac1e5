package org.dsdl.app.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.model.Model;
import org.dsdl.api.run.RunStatus;

/**
 * The journal of one session of a run: what is appended to {@code metrics.jsonl}, the manifest
 * ({@code run.json}) written from the run's fixed {@link RunHeader} and its current
 * {@link RunProgress}, and the resumable state saved under {@code state/}. Wall time is counted
 * from the moment the journal is opened, on top of the earlier sessions' time a progress carries.
 */
public final class RunJournal implements MeasurementSink, AutoCloseable {
  private final RunDirectory dir;
  private final RunHeader header;
  private final String configSha256;
  private final long sessionStart;
  private final WorkFiles workFiles = new WorkFiles();

  private RunJournal(RunDirectory dir, RunHeader header, long sessionStart) {
    this.dir = dir;
    this.header = header;
    this.configSha256 = configSha256(header.config());
    this.sessionStart = sessionStart;
  }

  /**
   * Creates the run directory of a new run (see {@link RunDirectory#create}) with its first
   * manifest: running, nothing measured.
   */
  public static RunJournal create(Path dir, boolean force, RunHeader header) {
    long start = System.nanoTime();
    return new RunJournal(RunDirectory.create(dir, force, header.manifest(RunStatus.RUNNING, RunProgress.START, 0, 0, null, null)),
        header, start);
  }

  /**
   * Reopens a run to continue it under {@code lock}, keeping the first {@code metricsLines} lines of
   * metrics.jsonl (see {@link RunDirectory#reopen}).
   */
  public static RunJournal reopen(Path dir, FileChannel lock, RunHeader header, long metricsLines) throws IOException {
    return new RunJournal(RunDirectory.reopen(dir, lock, metricsLines), header, System.nanoTime());
  }

  /** The run directory. */
  public Path path() {
    return dir.path();
  }

  @Override
  public void append(List<Measurement> measurements) throws IOException {
    dir.append(measurements);
  }

  /** Wall seconds of the run at {@code progress}: its earlier sessions' and this one's so far. */
  public double elapsed(RunProgress progress) {
    return progress.earlierSeconds() + (System.nanoTime() - sessionStart) / 1e9;
  }

  /** Writes and returns the manifest of a run at {@code progress}; {@code error} may be null. */
  public Manifest record(RunStatus status, RunProgress progress, String error) throws IOException {
    return record(status, progress, error, 0, null);
  }

  /** Writes and returns the manifest of a run whose visualizers have run. */
  public Manifest record(RunStatus status, RunProgress progress, String error, double visualizerSeconds, List<String> outputs)
      throws IOException {
    Manifest m = header.manifest(status, progress, elapsed(progress), visualizerSeconds, error, outputs);
    dir.writeManifest(m);
    return m;
  }

  /**
   * Saves the resumable state at {@code progress}: the model's, the probes' (by probe name) and the
   * trainer's position with the metrics lines written so far (see {@link StateStore#save}).
   */
  public void saveState(Model model, RunProgress progress, Map<String, byte[]> probeStates) throws IOException {
    StateStore.save(dir.path(), model, progress.toTrainerState(configSha256, elapsed(progress), dir.lines()), probeStates, workFiles);
  }

  /**
   * Writes the model's state for a save at {@code progress}'s position, to be committed with
   * {@link #commitState} once the checkpoint's probes are done (see {@link StateStore#saveEngine}).
   *
   * @return the engine file's name
   */
  public String saveEngineState(Model model, RunProgress progress) throws IOException {
    return StateStore.saveEngine(dir.path(), model, progress.nextCheckpoint(), progress.step());
  }

  /**
   * Saves the resumable state at {@code progress} with the engine state written earlier by
   * {@link #saveEngineState} at the same position: the probes' states and the trainer's position
   * with the metrics lines written so far (see {@link StateStore#commit}).
   */
  public void commitState(String engineFile, RunProgress progress, Map<String, byte[]> probeStates) throws IOException {
    StateStore.commit(dir.path(), engineFile, progress.toTrainerState(configSha256, elapsed(progress), dir.lines()), probeStates, workFiles);
  }

  /** Removes the probes' work files: a completed run is never resumed from them. */
  public void deleteProbeWork() throws IOException {
    RunDirectory.deleteProbeWork(dir.path());
  }

  /** SHA-256 of a resolved config as written in run.json, to tie saved state to its run. */
  public static String configSha256(JsonNode config) {
    try {
      return StateStore.sha256(Json.LINES.writeValueAsBytes(config));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    dir.close();
  }
}
