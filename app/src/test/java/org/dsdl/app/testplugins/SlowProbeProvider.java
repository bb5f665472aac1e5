package org.dsdl.app.testplugins;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.plugin.Param;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Test probe: takes {@code seconds} at one checkpoint, no time elsewhere. */
public final class SlowProbeProvider implements ProbeProvider<SlowProbeProvider.Params> {
  /** When and how long. */
  public record Params(@Param("checkpoint index to be slow at") int at, @Param("seconds to take there") double seconds) {}

  @Override
  public String name() {
    return "slow";
  }

  @Override
  public String description() {
    return "test probe: slow at one checkpoint";
  }

  @Override
  public Params defaultParameters() {
    return new Params(1, 5);
  }

  @Override
  public Probe create(Params parameters, ProbeContext context) {
    return new Probe() {
      @Override
      public LayerSelection layers() {
        return LayerSelection.none();
      }

      @Override
      public List<Measurement> measure(org.dsdl.api.snapshot.Snapshot s) {
        if (s.checkpoint().index() == parameters.at()) {
          long end = System.nanoTime() + (long) (parameters.seconds() * 1e9);
          while (System.nanoTime() < end) {
            Thread.onSpinWait(); // ignores interruption on purpose, like a runaway loop
          }
        }
        return new Measurements(context.name(), s.checkpoint()).scalar("alive", null, 1).list();
      }
    };
  }
}
