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
  void countsZerosByHandInEveryLayer() {
    // fc1, 3 exemplars x 2 units: unit 0 is zero twice, unit 1 once -> 3 of 6 overall
    // fc2, 3 exemplars x 3 units: only unit 2 is ever zero, in every exemplar -> 3 of 9 overall
    var snapshot = SnapshotBuilder.classes("a", "b").labels(0, 1, 0)
        .layer("fc1", LayerKind.DENSE, new double[][] {{0, 1}, {0, 0}, {2, 3}})
        .layer("fc2", LayerKind.DENSE, new double[][] {{1, 2, 0}, {4, 5, 0}, {7, 8, 0}})
        .build();
    List<Measurement> ms = ProbeRunner.run(ProbeRunner.create(new SparsityProbeProvider(), List.of("a", "b")), snapshot);
    assertEquals(4, ms.size(), "a scalar and a vector per layer");
    assertEquals("fc1", ms.get(0).key().layer());
    assertEquals(0.5, ((ScalarMeasurement) ms.get(0)).value(), 1e-12);
    VectorMeasurement fc1 = (VectorMeasurement) ms.get(1);
    assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, fc1.values(), 1e-12);
    assertEquals(List.of("u0", "u1"), fc1.labels());
    assertEquals("fc2", ms.get(2).key().layer());
    assertEquals(1.0 / 3, ((ScalarMeasurement) ms.get(2)).value(), 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, ((VectorMeasurement) ms.get(3)).values(), 1e-12);
    assertEquals("sparsity", ms.get(0).key().probe());
  }
}
