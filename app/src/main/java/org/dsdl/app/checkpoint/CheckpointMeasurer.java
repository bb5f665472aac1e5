package org.dsdl.app.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsdl.api.model.Model;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.Evaluation;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.DsdlException;
import org.dsdl.app.rundir.Manifest;
import org.dsdl.app.rundir.MeasurementSink;
import org.dsdl.app.rundir.RunRecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a run's checkpoints: takes the snapshot, has every probe measure it (each through the
 * {@link ProbeExecutor}, within its time budget), hands it to every visualizer's checkpoint hook,
 * and at the end has every probe finish. A probe that fails is recorded as a
 * {@link Manifest.ProbeFailure} and the others go on; a visualizer hook that fails is logged.
 */
public final class CheckpointMeasurer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointMeasurer.class);
  private final ProbeSetCapture capture;
  private final List<NamedProbe> probes;
  private final List<NamedVisualizer> visualizers;
  private final Path runDir;
  private final MeasurementSink sink;
  private final ProbeExecutor executor;

  /**
   * What measuring one checkpoint gave besides its measurements (which went to the sink).
   *
   * @param failures the probes that failed on it
   * @param probeSeconds the seconds each probe took, in probe order
   * @param summary a short line for a person, such as "test acc 0.830"
   */
  public record Measured(List<Manifest.ProbeFailure> failures, Map<String, Double> probeSeconds, String summary) {
    /** Copies the collections. */
    public Measured {
      failures = List.copyOf(failures);
      probeSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probeSeconds));
    }
  }

  /**
   * The probes' saved states and the probes that could not save theirs.
   *
   * @param states each probe's state, by name (probes stopped for running past their budget are left out)
   * @param failures the probes whose {@code saveState} threw
   */
  public record SavedStates(Map<String, byte[]> states, List<Manifest.ProbeFailure> failures) {}

  /**
   * A measurer for one run session.
   *
   * @param capture what a checkpoint shows the probes
   * @param probes the probes, in order
   * @param visualizers the visualizers whose checkpoint hooks are called
   * @param probeBudgetSeconds the most one probe call may take
   * @param runDir the run directory, for the visualizers' hooks
   * @param sink where measurements go
   */
  public CheckpointMeasurer(ProbeSetCapture capture, List<NamedProbe> probes, List<NamedVisualizer> visualizers,
      double probeBudgetSeconds, Path runDir, MeasurementSink sink) {
    this.capture = capture;
    this.probes = List.copyOf(probes);
    this.visualizers = List.copyOf(visualizers);
    this.runDir = runDir;
    this.sink = sink;
    this.executor = new ProbeExecutor(probeBudgetSeconds);
  }

  /** Measures {@code checkpoint} of {@code model} with every probe, then calls the visualizers' hooks. */
  public Measured measure(Model model, Checkpoint checkpoint) throws IOException {
    return measure(snapshot(model, checkpoint));
  }

  /** What the probes see at {@code checkpoint} of {@code model}: its snapshot, taken now (see {@link ProbeSetCapture}). */
  public Snapshot snapshot(Model model, Checkpoint checkpoint) {
    return capture.take(model, checkpoint);
  }

  /**
   * Has every probe measure {@code snapshot}, then calls the visualizers' hooks. Called for one
   * checkpoint after another, in order, from one thread at a time.
   */
  public Measured measure(Snapshot snapshot) throws IOException {
    Checkpoint checkpoint = snapshot.checkpoint();
    List<Manifest.ProbeFailure> failures = new ArrayList<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (NamedProbe p : probes) {
      long t0 = System.nanoTime();
      try {
        sink.append(executor.call(p.name(), "measuring checkpoint " + checkpoint.index(), () -> p.probe().measure(snapshot)));
      } catch (RuntimeException e) {
        failures.add(failure(p.name(), checkpoint.index(), e));
      }
      seconds.merge(p.name(), (System.nanoTime() - t0) / 1e9, Double::sum);
    }
    for (NamedVisualizer v : visualizers) {
      try {
        v.visualizer().checkpoint(snapshot, runDir, () -> RunRecordReader.read(runDir));
      } catch (IOException | RuntimeException e) {
        LOG.error("visualizer '{}' failed at checkpoint {}: {}", v.name(), checkpoint.index(), e.getMessage());
        LOG.debug("visualizer failure", e);
      }
    }
    Evaluation test = snapshot.evaluation("test").orElseThrow();
    LOG.debug("checkpoint {} step {} epoch {}: test loss {} accuracy {}", checkpoint.index(), checkpoint.step(),
        String.format(Locale.ROOT, "%.2f", checkpoint.epoch()), String.format(Locale.ROOT, "%.4f", test.loss()),
        String.format(Locale.ROOT, "%.4f", test.accuracy()));
    return new Measured(failures, seconds, summary(snapshot));
  }

  /** A short line for a person on what {@code snapshot} shows, such as "test acc 0.830". */
  public static String summary(Snapshot snapshot) {
    return String.format(Locale.ROOT, "test acc %.3f", snapshot.evaluation("test").orElseThrow().accuracy());
  }

  /**
   * Asks every probe for its state, after checkpoint {@code checkpoint}; a probe stopped for running
   * past its budget is skipped (it may still be running: its state is not to be read).
   */
  public SavedStates saveStates(int checkpoint) {
    Map<String, byte[]> states = new LinkedHashMap<>();
    List<Manifest.ProbeFailure> failures = new ArrayList<>();
    for (NamedProbe p : probes) {
      if (executor.disabled(p.name())) {
        continue;
      }
      try {
        states.put(p.name(), p.probe().saveState());
      } catch (RuntimeException e) {
        failures.add(failure(p.name(), checkpoint, e));
      }
    }
    return new SavedStates(states, failures);
  }

  /** Has every probe finish (its measurements go to the sink); returns the probes that failed. */
  public List<Manifest.ProbeFailure> finish() throws IOException {
    List<Manifest.ProbeFailure> failures = new ArrayList<>();
    for (NamedProbe p : probes) {
      try {
        sink.append(executor.call(p.name(), "finishing", () -> p.probe().finish()));
      } catch (RuntimeException e) {
        failures.add(failure(p.name(), -1, e));
      }
    }
    return failures;
  }

  /** Hands each probe the state it saved before a stop; a probe that cannot read it back is bad input. */
  public static void restoreStates(List<NamedProbe> probes, Map<String, byte[]> states, Path runDir) {
    for (NamedProbe p : probes) {
      byte[] bytes = states.get(p.name());
      if (bytes == null || bytes.length == 0) {
        continue;
      }
      try {
        p.probe().restoreState(bytes);
      } catch (RuntimeException e) {
        throw DsdlException.badInput("cannot resume " + runDir + ": probe '" + p.name() + "' cannot read back its saved state: " + e.getMessage(), e);
      }
    }
  }

  private static Manifest.ProbeFailure failure(String probe, int checkpoint, RuntimeException e) {
    String message = e instanceof ProbeExecutor.ProbeCallFailed ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof ProbeExecutor.ProbeCallFailed f && f.notCalled) {
      LOG.debug("probe '{}' not called at checkpoint {}: {}", probe, checkpoint, message); // warned when it was stopped
    } else {
      LOG.warn("probe '{}' failed at checkpoint {}: {}", probe, checkpoint, message);
    }
    LOG.debug("probe failure", e);
    return new Manifest.ProbeFailure(probe, checkpoint, message);
  }

  @Override
  public void close() {
    executor.close();
  }
}
