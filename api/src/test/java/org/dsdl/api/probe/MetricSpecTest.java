package org.dsdl.api.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dsdl.api.measure.MeasurementKind;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.run.Checkpoint;
import org.junit.jupiter.api.Test;

class MetricSpecTest {
  @Test
  void factoriesSetTheRoleAndForEachLayerOnlyTheScope() {
    MetricSpec s = MetricSpec.event("onset_step", MeasurementKind.SCALAR, "first step");
    assertThat(s.role()).isEqualTo(MetricRole.EVENT);
    assertThat(s.perLayer()).isFalse();
    assertThat(s.forEachLayer()).isEqualTo(new MetricSpec("onset_step", MeasurementKind.SCALAR, MetricRole.EVENT, true, "first step"));
    assertThat(MetricSpec.series("a", MeasurementKind.MATRIX, "").role()).isEqualTo(MetricRole.SERIES);
    assertThat(MetricSpec.summary("sd", MeasurementKind.SCALAR, "").role()).isEqualTo(MetricRole.SUMMARY);
  }

  @Test
  void anEventIsAStepSoOnlyAScalarOrAVector() {
    assertThat(MetricSpec.event("per_class_step", MeasurementKind.VECTOR, "").kind()).isEqualTo(MeasurementKind.VECTOR);
    assertThatThrownBy(() -> MetricSpec.event("pairs_step", MeasurementKind.MATRIX, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric pairs_step: an event is a training step, so a scalar or a vector (a step per label), not a matrix");
  }

  @Test
  void refusesABlankNameAndMissingParts() {
    assertThatThrownBy(() -> MetricSpec.series(" ", MeasurementKind.SCALAR, "")).hasMessageContaining("name must not be blank");
    assertThatThrownBy(() -> new MetricSpec("a", null, MetricRole.SERIES, false, "")).hasMessageContaining("kind of metric a");
    assertThatThrownBy(() -> new MetricSpec("a", MeasurementKind.SCALAR, MetricRole.SERIES, false, null)).hasMessageContaining("description of metric a");
  }

  @Test
  void describesItselfInOneLine() {
    assertThat(MetricSpec.event("settling_step", MeasurementKind.SCALAR, "first step from which it stays").forEachLayer().line())
        .isEqualTo("settling_step (scalar, per layer, event): first step from which it stays");
    assertThat(MetricSpec.series("test_accuracy", MeasurementKind.SCALAR, "").line()).isEqualTo("test_accuracy (scalar)");
  }

  @Test
  void kindsMatchTheMeasurementsKindNames() {
    var ms = new Measurements("p", new Checkpoint(0, 0, 0, 0)).scalar("s", null, 1).vector("v", null, List.of("a"), new double[] {1})
        .matrix("m", null, List.of("r"), List.of("c"), new double[][] {{1}}).graph("g", null, List.of(), List.of()).list();
    assertThat(ms).allSatisfy(m -> assertThat(MeasurementKind.of(m).id()).isEqualTo(m.kind()));
    assertThat(ms).extracting(MeasurementKind::of).containsExactly(MeasurementKind.values());
    assertThat(MeasurementKind.ofId("graph")).isEqualTo(MeasurementKind.GRAPH);
    assertThatThrownBy(() -> MeasurementKind.ofId("tensor")).hasMessage("measurement kind must be one of [scalar, vector, matrix, graph], got 'tensor'");
  }
}
