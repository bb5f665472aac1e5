package org.dsdl.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.model.Model;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.RunStatus;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.checkpoint.NamedVisualizer;
import org.dsdl.app.pipeline.RunSetup;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.render.ConcurrentRendering;
import org.dsdl.app.rundir.RunJournal;
import org.dsdl.app.rundir.RunProgress;
import org.dsdl.app.rundir.RunRecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run directory the bench writes in a temporary folder, so that what a run does at a checkpoint
 * besides capturing and probing (the visualizers' checkpoint hooks, run.json, the resumable state)
 * and at its end (the visualizers' render, at the same time as in a run) is timed on real files: it holds one checkpoint of the
 * bench's measurements for each checkpoint of the run's schedule. Deleted on close.
 */
final class BenchRunDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRunDirectory.class);
  private final Path root;
  private final RunJournal journal;
  private final RunSetup setup;
  private RunProgress progress = RunProgress.START;

  BenchRunDirectory(RunSetup setup, Model model) throws IOException {
    this.setup = setup;
    this.root = Files.createTempDirectory("dsdl-bench-");
    this.journal = RunJournal.create(root.resolve("run"), false, setup.header(model));
  }

  /** Lists {@code cp}, the next checkpoint of the schedule, with its measurements. */
  void add(Checkpoint cp, List<Measurement> measurements) throws IOException {
    journal.append(measurements);
    progress = progress.measured(new Manifest.CheckpointEntry(cp.index(), cp.step(), cp.epoch(), cp.samplesSeen(), 0), List.of(), Map.of());
  }

  /** Milliseconds of every visualizer's checkpoint hook on {@code snapshot}; a hook that fails is logged, as in a run. */
  double hooks(Snapshot snapshot) {
    long t0 = System.nanoTime();
    for (NamedVisualizer v : setup.visualizers()) {
      try {
        v.visualizer().checkpoint(snapshot, journal.path(), () -> RunRecordReader.read(journal.path()));
      } catch (IOException | RuntimeException e) {
        LOG.warn("visualizer '{}' failed at a bench checkpoint: {}", v.name(), e.getMessage());
      }
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /**
   * Writes what a run records after measuring a checkpoint: run.json and, when the config saves
   * state, the model's, the probes' ({@code probeStates}) and the trainer's.
   */
  void record(Model model, Map<String, byte[]> probeStates) throws IOException {
    journal.record(RunStatus.RUNNING, progress, null);
    if (setup.plan().config().checkpoints().saveState()) {
      journal.saveState(model, progress, probeStates);
    }
  }

  /** Completes the run with the probes' final measurements, then returns the seconds every visualizer takes to render it. */
  double render(List<Measurement> finished) throws IOException {
    journal.append(finished);
    journal.record(RunStatus.COMPLETED, progress, null);
    long t0 = System.nanoTime();
    RunRecord record = RunRecordReader.read(journal.path());
    List<ConcurrentRendering.Job> jobs = setup.visualizers().stream().map(v -> new ConcurrentRendering.Job(v.name(), v::visualizer)).toList();
    for (ConcurrentRendering.Outcome o : ConcurrentRendering.render(record, jobs)) {
      if (o.failure() != null) {
        LOG.warn("visualizer '{}' failed to render the bench's run: {}", o.alias(), o.failure().getMessage());
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  @Override
  public void close() throws IOException {
    journal.close();
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
