package org.dsdl.api.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dsdl.api.run.Checkpoint;
import org.junit.jupiter.api.Test;

class MeasurementsTest {
  private final Checkpoint cp = new Checkpoint(3, 8, 0.25, 128);

  @Test
  void stampsProbeAndCheckpointOnEveryKind() {
    List<Measurement> ms = new Measurements("p", cp)
        .scalar("s", null, 1.5)
        .vector("v", "fc1", List.of("a", "b"), new double[] {1, 2})
        .matrix("m", null, List.of("r"), List.of("c1", "c2"), new double[][] {{1, 2}})
        .graph("g", null, List.of(new GraphMeasurement.Node("n1", "fc1", java.util.Map.of())), List.of())
        .list();
    assertThat(ms).extracting(Measurement::kind).containsExactly("scalar", "vector", "matrix", "graph");
    assertThat(ms).allSatisfy(m -> {
      assertThat(m.key().probe()).isEqualTo("p");
      assertThat(m.key().checkpoint()).isEqualTo(cp);
    });
    assertThat(ms.get(1).key().layerName()).contains("fc1");
    assertThat(ms.get(0).key().layerName()).isEmpty();
  }

  @Test
  void shapesMustMatchLabels() {
    Measurements out = new Measurements("p", cp);
    assertThatThrownBy(() -> out.vector("v", null, List.of("a"), new double[] {1, 2})).hasMessageContaining("1 labels for 2 values");
    assertThatThrownBy(() -> out.matrix("m", null, List.of("r"), List.of("c"), new double[][] {{1, 2}}))
        .hasMessageContaining("row of 2 values for 1 columns");
  }
}
