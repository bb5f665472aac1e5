package org.example.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.testkit.ProbeRunner;
import org.dsdl.testkit.SnapshotBuilder;
import org.junit.jupiter.api.Test;

class SparsityProbeTest {
  @Test
  void countsZerosByHand() {
    // 3 exemplars x 2 units: unit 0 is zero twice, unit 1 once -> 3 of 6 overall
    var snapshot = SnapshotBuilder.classes("a", "b").labels(0, 1, 0)
        .layer("fc1", LayerKind.DENSE, new double[][] {{0, 1}, {0, 0}, {2, 3}})
        .build();
    List<Measurement> ms = ProbeRunner.run(ProbeRunner.create(new SparsityProbeProvider(), List.of("a", "b")), snapshot);
    assertEquals(0.5, ((ScalarMeasurement) ms.get(0)).value(), 1e-12);
    assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, ((VectorMeasurement) ms.get(1)).values(), 1e-12);
  }
}
