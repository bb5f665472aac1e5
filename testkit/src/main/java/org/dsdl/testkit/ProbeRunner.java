package org.dsdl.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Runs a probe as dsdl does: created by its provider with a context, {@code measure} at each
 * snapshot in order, then {@code finish}. {@link #withResumeAfter} also hands the probe's saved
 * state to a fresh instance half way, as a resumed run does, so a test can check that the
 * results do not change.
 */
public final class ProbeRunner {
  private ProbeRunner() {}

  /** A probe named after its provider, with the default parameters and seed 1. */
  public static <P extends Record> Probe create(ProbeProvider<P> provider, List<String> classes) {
    return provider.create(provider.defaultParameters(), new ProbeContext(provider.name(), classes, List.of(), 1));
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
