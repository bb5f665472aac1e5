package org.dsdl.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.plugin.Param;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {
  /** A probe that scales the mean activation of the layers it is told about, and counts them. */
  static final class ScaledMean implements ProbeProvider<ScaledMean.Params> {
    record Params(@Param("factor") double factor) {}

    @Override
    public String name() {
      return "scaled-mean";
    }

    @Override
    public String description() {
      return "test";
    }

    @Override
    public Params defaultParameters() {
      return new Params(1);
    }

    @Override
    public Probe create(Params p, ProbeContext context) {
      return s -> {
        Measurements out = new Measurements(context.name(), s.checkpoint()).scalar("layers_known", null, context.layers().size());
        for (LayerInfo l : context.layers()) {
          var a = s.layer(l.name()).activations();
          double sum = 0;
          for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
              sum += a.get(i, j);
            }
          }
          out.scalar("mean", l.name(), p.factor() * sum / (a.rows() * a.cols()));
        }
        return out.list();
      };
    }
  }

  static double value(List<Measurement> ms, String metric, String layer) {
    return ms.stream().filter(m -> m.key().metric().equals(metric) && java.util.Objects.equals(m.key().layer(), layer))
        .map(m -> ((ScalarMeasurement) m).value()).findFirst().orElseThrow();
  }

  @Test
  void createsTheProbeWithTheGivenParametersAndLayers() {
    Snapshot s = SnapshotBuilder.classes("a", "b").labels(0, 1)
        .layer("conv", LayerKind.CONV, new double[][] {{1, 3}, {5, 7}})
        .layer("fc1", LayerKind.DENSE, new double[][] {{2}, {4}})
        .at(1, 10).build();
    ScaledMean provider = new ScaledMean();

    List<Measurement> fromSnapshot = ProbeRunner.run(ProbeRunner.create(provider, new ScaledMean.Params(2), s), s);
    assertThat(value(fromSnapshot, "layers_known", null)).isEqualTo(2);
    assertThat(value(fromSnapshot, "mean", "conv")).isEqualTo(2 * 4.0); // (1 + 3 + 5 + 7) / 4, doubled
    assertThat(value(fromSnapshot, "mean", "fc1")).isEqualTo(2 * 3.0);

    List<LayerInfo> onlyFc1 = List.of(new LayerInfo("fc1", LayerKind.DENSE, List.of(1), 2));
    List<Measurement> given = ProbeRunner.run(ProbeRunner.create(provider, new ScaledMean.Params(0.5), List.of("a", "b"), onlyFc1), s);
    assertThat(value(given, "layers_known", null)).isEqualTo(1);
    assertThat(value(given, "mean", "fc1")).isEqualTo(1.5);
    assertThat(given).allSatisfy(m -> assertThat(m.key().probe()).isEqualTo("scaled-mean"));

    List<Measurement> defaults = ProbeRunner.run(ProbeRunner.create(provider, List.of("a", "b")), s);
    assertThat(value(defaults, "layers_known", null)).isZero();
  }
}
