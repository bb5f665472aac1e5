package org.dsdl.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Runs a probe as dsdl does: created by its provider with parameters and a context, {@code measure}
 * at each snapshot in order, then {@code finish}. {@link #withResumeAfter} also hands the probe's
 * saved state to a fresh instance half way, as a resumed run does, so a test can check that the
 * results do not change.
 *
 * <pre>{@code
 * Snapshot s0 = SnapshotBuilder.classes("a", "b").labels(0, 1).layer("fc1", LayerKind.DENSE, rows0).at(0, 0).build();
 * Snapshot s1 = SnapshotBuilder.classes("a", "b").labels(0, 1).layer("fc1", LayerKind.DENSE, rows1).at(1, 10).build();
 * Probe probe = ProbeRunner.create(new MyProbeProvider(), new MyParameters(List.of("fc1"), 100), s0);
 * List<Measurement> ms = ProbeRunner.run(probe, s0, s1);
 * }</pre>
 *
 * A snapshot holds every layer it was built with: the runner does not narrow it to the probe's
 * {@link Probe#layers()}.
 */
public final class ProbeRunner {
  private ProbeRunner() {}

  /** A probe named after its provider, with the default parameters, no model layers and seed 1. */
  public static <P extends Record> Probe create(ProbeProvider<P> provider, List<String> classes) {
    return create(provider, provider.defaultParameters(), classes, List.of());
  }

  /**
   * A probe named after its provider, with {@code parameters} (build the record as a config would
   * give it: its constructor validates), the model's {@code layers} as its context tells it (e.g.
   * {@link SnapshotBuilder#layerInfos()}) and seed 1.
   */
  public static <P extends Record> Probe create(ProbeProvider<P> provider, P parameters, List<String> classes, List<LayerInfo> layers) {
    return create(provider, parameters, new ProbeContext(provider.name(), classes, layers, 1));
  }

  /**
   * A probe with {@code parameters} and the class names and layers of {@code like}, as a run whose
   * model has exactly the snapshot's layers would create it (seed 1).
   */
  public static <P extends Record> Probe create(ProbeProvider<P> provider, P parameters, Snapshot like) {
    List<LayerInfo> layers = new ArrayList<>();
    like.layers().values().forEach(c -> layers.add(c.layer()));
    return create(provider, parameters, like.classNames(), layers);
  }

  /** A probe with {@code parameters} and a context of your own (name, seed, work directory). */
  public static <P extends Record> Probe create(ProbeProvider<P> provider, P parameters, ProbeContext context) {
    return provider.create(parameters, context);
  }

  /** Every measurement of a run over {@code snapshots}: each checkpoint's, then the finish's. */
  public static List<Measurement> run(Probe probe, Snapshot... snapshots) {
    List<Measurement> out = new ArrayList<>();
    for (Snapshot s : snapshots) {
      out.addAll(probe.measure(s));
    }
    out.addAll(probe.finish());
    return out;
  }

  /**
   * As {@link #run}, but after the first {@code before} snapshots the first probe's state is saved
   * and a second probe (from {@code fresh}) restored from it measures the rest and finishes.
   */
  public static List<Measurement> withResumeAfter(int before, Probe first, java.util.function.Supplier<Probe> fresh, Snapshot... snapshots) {
    List<Measurement> out = new ArrayList<>();
    for (Snapshot s : Arrays.copyOfRange(snapshots, 0, before)) {
      out.addAll(first.measure(s));
    }
    byte[] state = first.saveState();
    Probe second = fresh.get();
    if (state.length > 0) {
      second.restoreState(state);
    }
    for (Snapshot s : Arrays.copyOfRange(snapshots, before, snapshots.length)) {
      out.addAll(second.measure(s));
    }
    out.addAll(second.finish());
    return out;
  }
}
