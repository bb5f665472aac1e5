package org.dsdl.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.MeasurementKey;
import org.dsdl.api.measure.MeasurementKind;
import org.dsdl.api.probe.MetricRole;
import org.dsdl.api.probe.MetricSpec;
import org.junit.jupiter.api.Test;

class DeclaredMetricsTest {
  private final DeclaredMetrics declared = DeclaredMetrics.of(Map.of(
      "cka", List.of(MetricSpec.series("cka_to_final", MeasurementKind.SCALAR, "").forEachLayer(),
          MetricSpec.event("settles", MeasurementKind.SCALAR, "").forEachLayer()),
      "mine", List.of()));

  @Test
  void aRecordedRunUsesTheDeclaredRoleAndNeverTheNameSuffix() {
    assertThat(declared.role("cka", "settles")).isEqualTo(MetricRole.EVENT);
    assertThat(declared.role("cka", "cka_to_final")).isEqualTo(MetricRole.SERIES);
    assertThat(declared.role("mine", "found_step")).as("undeclared, though named like an event").isEqualTo(MetricRole.SERIES);
    assertThat(declared.role("unknown-probe", "x_step")).isEqualTo(MetricRole.SERIES);
    assertThat(declared.isEvent(new MeasurementKey("cka", "settles", "fc1", new Checkpoint(0, 0, 0, 0)))).isTrue();
    assertThat(declared.of("cka", "settles")).map(MetricSpec::perLayer).contains(true);
    assertThat(declared.of("cka", "missing")).isEmpty();
  }

  @Test
  void anOlderRunFallsBackToTheStepSuffix() {
    DeclaredMetrics old = DeclaredMetrics.notRecorded();
    assertThat(old.recorded()).isFalse();
    assertThat(old.role("cka", "settling_step")).isEqualTo(MetricRole.EVENT);
    assertThat(old.role("cka", "settles")).isEqualTo(MetricRole.SERIES);
  }

  @Test
  void copiesAndRefusesDeclarationsInAnUnrecordedRun() {
    List<MetricSpec> specs = new ArrayList<>(List.of(MetricSpec.series("a", MeasurementKind.SCALAR, "")));
    DeclaredMetrics d = DeclaredMetrics.of(Map.of("p", specs));
    specs.clear();
    assertThat(d.byProbe().get("p")).hasSize(1);
    assertThatThrownBy(() -> new DeclaredMetrics(false, Map.of("p", List.of()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recorded no declarations");
  }
}
