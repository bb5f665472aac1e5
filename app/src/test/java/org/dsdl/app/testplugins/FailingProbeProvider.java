package org.dsdl.app.testplugins;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.plugin.Param;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/** Test probe: throws at one checkpoint. */
public final class FailingProbeProvider implements ProbeProvider<FailingProbeProvider.Params> {
  /** Which checkpoint to fail at. */
  public record Params(@Param("checkpoint index to throw at") int at) {}

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public String description() {
    return "test probe: throws at one checkpoint";
  }

  @Override
  public Params defaultParameters() {
    return new Params(1);
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
          throw new IllegalStateException("boom at " + parameters.at());
        }
        return List.of();
      }
    };
  }
}
