package org.dsdl.app.testplugins;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.snapshot.Snapshot;

/**
 * Test probe: the first {@code finish()} after {@link #arm()} throws an {@link InternalError}, which
 * dsdl does not catch, so the run stops there as if the process had been killed while the probes
 * were finishing; later calls finish normally.
 */
public final class DiesInFinishProbeProvider implements ProbeProvider<NoParameters>, WithoutParameters {
  private static final AtomicBoolean ARMED = new AtomicBoolean();

  /** Makes the next finish() die. */
  public static void arm() {
    ARMED.set(true);
  }

  @Override
  public String name() {
    return "dies-in-finish";
  }

  @Override
  public String description() {
    return "test probe: its first finish() after arm() kills the run";
  }

  @Override
  public Probe create(NoParameters parameters, ProbeContext context) {
    return new Probe() {
      @Override
      public LayerSelection layers() {
        return LayerSelection.of(List.of());
      }

      @Override
      public List<Measurement> measure(Snapshot s) {
        return new Measurements(context.name(), s.checkpoint()).scalar("size", null, s.size()).list();
      }

      @Override
      public List<Measurement> finish() {
        if (ARMED.getAndSet(false)) {
          throw new InternalError("simulated kill during finish()");
        }
        return List.of();
      }
    };
  }
}
