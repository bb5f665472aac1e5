package org.dsdl.visualizers.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompanionsTest {
  @Test
  void companionsBelongToTheirMetricAndFlatSeriesAreTableRows() {
    List<String> keys = List.of("p/selectivity", "p/selectivity_ci_low", "p/mean_coupling_null_mean", "q/orphan_ci_low");
    assertThat(Companions.baseOf("p/selectivity_ci_low", keys)).isEqualTo("p/selectivity");
    assertThat(Companions.baseOf("q/orphan_ci_low", keys)).as("no metric to sit on: a chart of its own").isNull();
    var cp = new org.dsdl.api.run.Checkpoint(0, 0, 0, 0);
    var cp2 = new org.dsdl.api.run.Checkpoint(1, 10, 0.5, 64);
    assertThat(Companions.flat(Map.of("a", List.of(new Scalars.Point(cp, 0.66), new Scalars.Point(cp2, 0.66))))).isTrue();
    assertThat(Companions.flat(Map.of("a", List.of(new Scalars.Point(cp, 0.66), new Scalars.Point(cp2, Double.NaN))))).isTrue();
    assertThat(Companions.flat(Map.of("a", List.of(new Scalars.Point(cp, 0.6), new Scalars.Point(cp2, 0.7))))).isFalse();
    assertThat(Companions.row("rsa/category_fit_max", "fc1", List.of(new Scalars.Point(cp, 0.66), new Scalars.Point(cp2, 0.66))))
        .isEqualTo("rsa,category_fit_max,fc1,0.66,0-10");
  }
}
