package org.dsdl.api.viz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricGuideTest {
  @Test
  void anAxisFollowsTheValuesButNeverLeavesWhatTheMetricCanTake() {
    // a loss from 0.02 to 1.8: padded by 5% of its span, but not below 0
    assertThat(MetricGuide.of("test_loss", "").domain(0.02, 1.8)).containsExactly(new double[] {0, 1.8 + 0.089}, org.assertj.core.data.Offset.offset(1e-12));
    // an accuracy near 1 stops at 1; one near 0.5 gets its own range, not 0…1
    assertThat(MetricGuide.of("test_accuracy", "").domain(0.9, 1.0)[1]).isEqualTo(1.0);
    assertThat(MetricGuide.of("probe_accuracy", "").domain(0.5, 0.6)).containsExactly(new double[] {0.495, 0.605}, org.assertj.core.data.Offset.offset(1e-12));
    // selectivity can be negative; a per-class pathway statistic is known by its pattern
    assertThat(MetricGuide.of("selectivity", "").domain(-0.1, 0.8)[0]).isLessThan(-0.1);
    assertThat(MetricGuide.of("pathway_specificity_c3", "").upper()).isEqualTo(1.0);
    // a value outside the declared bounds is still drawn
    assertThat(MetricGuide.of("mean_coupling", "").domain(0.2, 1.2)[1]).isGreaterThanOrEqualTo(1.2);
    // a constant series gets a range around its value
    double[] flat = MetricGuide.of("dead_units", "").domain(3, 3);
    assertThat(flat[0]).isLessThan(3);
    assertThat(flat[1]).isGreaterThan(3);
  }

  @Test
  void everyMetricHasAUnitAndSaysWhatARisingLineMeans() {
    for (String m : List.of("train_loss", "test_recall", "cka_to_final", "nc1", "class_assortativity", "stable_rank", "silhouette_p", "x_null_sd")) {
      MetricGuide g = MetricGuide.of(m, "");
      assertThat(g.caption()).as(m).startsWith("Unit: ").contains(". A rising line: ").doesNotContain("Unit: .");
    }
    // a metric dsdl does not know: its probe's description, and no bounds
    MetricGuide mine = MetricGuide.of("wiggle", "how much it wiggles");
    assertThat(mine.caption()).contains("a larger wiggle (how much it wiggles)");
    assertThat(Double.isNaN(mine.lower()) && Double.isNaN(mine.upper())).isTrue();
  }

  @Test
  void aPerUnitSelectivityIsTheSelectivityIndexNotTheLinearProbesDifference() {
    assertThat(MetricGuide.ofUnits("selectivity", "").unit()).isEqualTo("class selectivity index (0–1)");
    assertThat(MetricGuide.of("selectivity", "").unit()).startsWith("accuracy difference");
    assertThat(MetricGuide.ofUnits("cka_to_final", "")).isEqualTo(MetricGuide.of("cka_to_final", ""));
  }
}
