package org.dsdl.app.testplugins;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.snapshot.Snapshot;

/** Test probe: records the accuracy of the probe set's own logits, an independent path to the model's predictions. */
public final class SpyProbeProvider implements ProbeProvider<NoParameters>, WithoutParameters {
  @Override
  public String name() {
    return "spy";
  }

  @Override
  public String description() {
    return "test probe: accuracy of the captured logits";
  }

  @Override
  public Probe create(NoParameters parameters, ProbeContext context) {
    return new Probe() {
      @Override
      public LayerSelection layers() {
        return LayerSelection.of(List.of("fc1"));
      }

      @Override
      public List<Measurement> measure(Snapshot s) {
        int correct = 0;
        for (int i = 0; i < s.size(); i++) {
          if (s.logits().argmaxOfRow(i) == s.labels()[i]) {
            correct++;
          }
        }
        return new Measurements(context.name(), s.checkpoint())
            .scalar("logit_accuracy", null, (double) correct / s.size())
            .scalar("fc1_units", "fc1", s.layer("fc1").activations().cols())
            .scalar("captured_layers", null, s.layers().size())
            .list();
      }
    };
  }
}
