package org.dsdl.api.probe;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Measures something about the network at every checkpoint.
 *
 * <p>Lifecycle: created once per run by its {@link ProbeProvider}; {@link #measure} is called at
 * each checkpoint in order (checkpoint 0 is the untrained network), while training waits or, with
 * {@code checkpoints.async}, beside training on the snapshot taken at the checkpoint's step;
 * {@link #finish} is called once after the last checkpoint, for measures that compare checkpoints.
 * {@code measure} and {@code finish} run on a thread of the probe's own, one call at a time;
 * {@code saveState} and {@code restoreState} are called between those calls, never during one.
 * So a probe needs no locking of its own state; it may use more threads inside a call (the
 * built-in ones measure layers in parallel). A probe that keeps data across checkpoints should keep as little as it
 * needs (e.g. pooled activations), never the snapshot itself.
 *
 * <p>A probe that throws, or takes longer than the run's budget ({@code checkpoints.probeBudgetSeconds},
 * 600 s by default) at one call, is reported in {@code run.json} with its name and the checkpoint;
 * the run goes on without its measurements there, and exits with code 4. A probe past its budget
 * is not called again in that run.
 *
 * <p>Resuming ({@code dsdl run --resume}) creates probes anew. A probe that keeps data across
 * checkpoints hands it over through {@link #saveState} (called after {@link #measure} whenever the
 * run saves its training state, by default at every checkpoint) and gets it back through
 * {@link #restoreState} before its first {@code measure} after the resume, so a resumed run
 * measures exactly what an uninterrupted one does. Measurements already written stay in the run.
 */
public interface Probe {

  /**
   * The layers this probe needs captured. The trainer captures the union of all probes' needs, and
   * every probe's snapshot holds that whole union: a probe that names layers picks its own out of
   * {@link Snapshot#layers()} ({@link LayerSelection#in}, or {@link
   * org.dsdl.api.probe.support.PerLayerProbe}, as the built-in ones do) rather than measuring
   * whatever is there.
   * A named layer the model does not have, or one {@code probeSet.layers} does not capture, is
   * refused when the run is validated, before anything is trained.
   */
  default LayerSelection layers() {
    return LayerSelection.allLayers();
  }

  /** Measures one checkpoint. Build the result with {@link org.dsdl.api.measure.Measurements}. */
  List<Measurement> measure(Snapshot snapshot);

  /**
   * What this probe keeps across checkpoints, as bytes in a format of its choosing, for a resumed
   * run to continue from. The default, an empty array, keeps nothing.
   */
  default byte[] saveState() {
    return new byte[0];
  }

  /**
   * Restores what {@link #saveState} returned in an earlier process of the same run, before the
   * first {@link #measure} after a resume. Not called when the saved state is empty.
   *
   * @throws IllegalArgumentException if the bytes cannot be read back
   */
  default void restoreState(byte[] state) {}

  /**
   * Measures across checkpoints once training has ended; none by default. Not called when the run
   * was interrupted or failed.
   *
   * <p>There is no snapshot here, so each measurement carries a checkpoint this probe was given in
   * {@link #measure}, never one made up: visualizers place every measurement at one of the run's
   * checkpoints. Keep the checkpoints you need, in {@link #saveState} too (after a resume,
   * {@code measure} sees only the later ones). By convention:
   * <ul>
   *   <li>a summary of the whole run (e.g. each class's onset step, as a vector) is at the last
   *       checkpoint;
   *   <li>a series computed at the end (e.g. each checkpoint's CKA to the final state) is at each
   *       checkpoint it describes;
   *   <li>an event, a metric declared with {@link MetricRole#EVENT} (see {@link ProbeProvider#metrics()})
   *       whose value is the training step at which something happened, is at that checkpoint; if it
   *       never happened, at the last checkpoint with the value {@code NaN} (see
   *       {@link org.dsdl.api.measure.Measurements}). By convention its name ends in {@code _step}.
   * </ul>
   */
  default List<Measurement> finish() {
    return List.of();
  }
}
