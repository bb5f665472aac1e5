package org.dsdl.probes.selectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.probes.stats.Snapshots;
import org.junit.jupiter.api.Test;

class SelectivityProbeTest {
  private static Map<String, Measurement> measure(List<String> classes, int[] labels, double[][] rows, LayerKind kind) {
    var provider = new SelectivityProbeProvider();
    var probe = provider.create(provider.defaultParameters(), new ProbeContext("selectivity", classes, List.of(), 0));
    return probe.measure(Snapshots.of(classes, labels, Map.of("fc1", rows), kind)).stream()
        .collect(Collectors.toMap(m -> m.key().metric(), Function.identity()));
  }

  @Test
  void matchesHandComputedIndicesAndCountsDeadUnits() {
    // units: u0 = 2 4 | 0 2 -> means 3, 1 -> (3-1)/(3+1) = 0.5, prefers a
    //        u1 = 5 5 | 5 5 -> never varies: dead, 0, left out of the mean
    //        u2 = 0 0 | 1 3 -> means 0, 2 -> (2-0)/(2+0) = 1, prefers b
    double[][] rows = {{2, 5, 0}, {4, 5, 0}, {0, 5, 1}, {2, 5, 3}};
    Map<String, Measurement> m = measure(List.of("a", "b"), new int[] {0, 0, 1, 1}, rows, LayerKind.DENSE);
    assertThat(((VectorMeasurement) m.get("selectivity")).values()).containsExactly(0.5, 0.0, 1.0);
    assertThat(((VectorMeasurement) m.get("selectivity")).labels()).containsExactly("u0", "u1", "u2");
    assertThat(((VectorMeasurement) m.get("preferred_class")).values()).containsExactly(0.0, 0.0, 1.0);
    assertThat(((ScalarMeasurement) m.get("mean_selectivity")).value()).isCloseTo(0.75, within(1e-12));
    assertThat(((ScalarMeasurement) m.get("dead_units")).value()).isEqualTo(1);
    assertThat(((ScalarMeasurement) m.get("dead_fraction")).value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.get("mean_selectivity").key().layer()).isEqualTo("fc1");
  }

  @Test
  void muRestIsTheMeanOfTheOtherClassMeans() {
    // one exemplar per class: class means 6, 2, 4 -> mu_max 6, mu_rest (2+4)/2 = 3 -> (6-3)/(6+3) = 1/3
    Map<String, Measurement> m = measure(List.of("a", "b", "c"), new int[] {0, 1, 2}, new double[][] {{6}, {2}, {4}}, LayerKind.CONV);
    assertThat(((VectorMeasurement) m.get("selectivity")).values()[0]).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void theLogitsAreNotMeasured() {
    assertThat(measure(List.of("a", "b"), new int[] {0, 1}, new double[][] {{-1}, {2}}, LayerKind.LOGITS)).isEmpty();
  }
}
