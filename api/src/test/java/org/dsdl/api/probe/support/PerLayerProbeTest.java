package org.dsdl.api.probe.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class PerLayerProbeTest {
  /** Twelve layers of 1 to 12 units (so each layer's result tells which layer it came from), the last one the logits. */
  private static Snapshot snapshot() {
    List<LayerCapture> layers = new ArrayList<>();
    for (int k = 1; k <= 12; k++) {
      double[][] rows = new double[2][k];
      rows[1][0] = k;
      layers.add(TestSnapshots.layer(k == 12 ? "logits" : "l" + k, k == 12 ? LayerKind.LOGITS : LayerKind.DENSE, rows));
    }
    return TestSnapshots.of(List.of("a", "b"), new int[] {0, 1}, layers.toArray(LayerCapture[]::new));
  }

  private static final PerLayerProbe.LayerMeasure UNITS =
      (snapshot, layer, out) -> out.scalar("units", layer.layer().name(), layer.activations().cols());

  @Test
  void measuresEverySelectedLayerInNetworkOrderWithTheProbesNameAndCheckpoint() {
    Snapshot s = snapshot();
    List<Measurement> ms = PerLayerProbe.of("counter", LayerSelection.allLayers(), UNITS).measure(s);
    assertThat(ms).hasSize(12);
    for (int k = 1; k <= 12; k++) {
      ScalarMeasurement m = (ScalarMeasurement) ms.get(k - 1);
      assertThat(m.value()).isEqualTo(k);
      assertThat(m.key().layer()).isEqualTo(k == 12 ? "logits" : "l" + k);
      assertThat(m.key().probe()).isEqualTo("counter");
      assertThat(m.key().checkpoint()).isEqualTo(s.checkpoint());
    }
  }

  @Test
  void measuresOnlyItsSelectionAndWhatItKeeps() {
    LayerSelection selection = LayerSelection.of(List.of("logits", "l3", "l1"));
    PerLayerProbe probe = new PerLayerProbe("counter", selection) {
      @Override
      protected boolean measures(LayerCapture layer) {
        return layer.layer().kind() != LayerKind.LOGITS;
      }

      @Override
      protected void measureLayer(Snapshot snapshot, LayerCapture layer, Measurements out) {
        UNITS.measure(snapshot, layer, out);
      }
    };
    assertThat(probe.layers()).isEqualTo(selection);
    assertThat(probe.measure(snapshot())).extracting(m -> m.key().layer()).containsExactly("l1", "l3");
  }

  @Test
  void unitLabels() {
    assertThat(PerLayerProbe.unitLabels(3)).containsExactly("u0", "u1", "u2");
    assertThat(PerLayerProbe.unitLabels(0)).isEmpty();
  }
}
