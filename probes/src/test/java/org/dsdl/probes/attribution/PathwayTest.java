package org.dsdl.probes.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;
import org.junit.jupiter.api.Test;

class PathwayTest {
  private static final LayerInfo C1 = new LayerInfo("c1", LayerKind.CONV, List.of(8, 8, 4), 0);
  private static final LayerInfo P1 = new LayerInfo("p1", LayerKind.POOL, List.of(4, 4, 4), 0);
  private static final LayerInfo C2 = new LayerInfo("c2", LayerKind.CONV, List.of(4, 4, 6), 0);
  private static final LayerInfo FC = new LayerInfo("fc", LayerKind.DENSE, List.of(5), 0);
  private static final LayerInfo LOGITS = new LayerInfo("logits", LayerKind.LOGITS, List.of(2), 0);

  @Test
  void everyWeightedLayerByDefaultWithPoolsTransparent() {
    Pathway p = Pathway.of(List.of(), List.of(C1, P1, C2, FC, LOGITS));
    assertThat(p.layers()).containsExactly("c1", "c2", "fc", "logits");
    assertThat(p.steps()).extracting(Pathway.Step::target).containsExactly("c2", "fc", "logits");
    assertThat(p.steps().get(0).pools()).containsExactly(P1);
    assertThat(p.steps().get(0).sourceShape()).containsExactly(4, 4, 4);
    assertThat(p.steps().get(1).sourceShape()).containsExactly(4, 4, 6);
    assertThat(p.steps().get(2).spatialSource()).isFalse();
    assertThat(Pathway.of(List.of("fc", "c2"), List.of(C1, P1, C2, FC, LOGITS)).layers()).containsExactly("c2", "fc");
  }

  @Test
  void refusesWhatItCannotAttributeThroughNamingTheLayer() {
    LayerInfo strided = new LayerInfo("c2", LayerKind.CONV, List.of(2, 2, 6), 0);
    assertThatThrownBy(() -> Pathway.of(List.of(), List.of(C1, P1, strided, FC))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stride-1").hasMessageContaining("layer c2").hasMessageContaining("[4, 4, 4] to [2, 2, 6]");
    LayerInfo add = new LayerInfo("add1", LayerKind.ADD, List.of(8, 8, 4), 0);
    assertThatThrownBy(() -> Pathway.of(List.of(), List.of(C1, add, new LayerInfo("c2", LayerKind.CONV, List.of(8, 8, 4), 0))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("layer add1 (ADD)");
    LayerInfo pool3 = new LayerInfo("p1", LayerKind.POOL, List.of(3, 3, 4), 0);
    assertThatThrownBy(() -> Pathway.of(List.of(), List.of(C1, pool3, new LayerInfo("c2", LayerKind.CONV, List.of(3, 3, 6), 0))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pool p1").hasMessageContaining("[8, 8, 4] to [3, 3, 4]");
    assertThatThrownBy(() -> Pathway.of(List.of("c1", "fc"), List.of(C1, P1, C2, FC))).hasMessageContaining("not consecutive")
        .hasMessageContaining("c2 is between");
    assertThatThrownBy(() -> Pathway.of(List.of("p1", "c2"), List.of(C1, P1, C2, FC))).hasMessageContaining("named 'p1'");
    assertThatThrownBy(() -> Pathway.of(List.of("c2"), List.of(C1, P1, C2, FC))).hasMessageContaining("at least two");
  }

  @Test
  void parametersAreValidatedNamingTheField() {
    assertThatThrownBy(() -> new ClassAttributionParameters(List.of(), 0, 50, 10, 3, 1)).hasMessage("topK must be >= 1, got 0");
    assertThatThrownBy(() -> new ClassAttributionParameters(List.of(), 3, 0, 10, 3, 1)).hasMessage("perClassExemplars must be >= 1, got 0");
    assertThat(new ClassAttributionParameters(null, 3, 50, 10, 3, 1).layers()).isEmpty();
    ClassAttributionParameters d = new ClassAttributionProbeProvider().defaultParameters();
    assertThat(d.topK()).isEqualTo(3);
    assertThat(d.perClassExemplars()).isEqualTo(50);
  }

  @Test
  void keepsEachTargetsStrongestPositiveInputsAndMeasuresOverlap() {
    // influences [source][target]; target 0: sources 2 (5), 0 and 1 tie (3) -> with k = 2: {2, 0}; target 1: only source 1 positive
    double[][] inf = {{3, -1}, {3, 2}, {5, 0}};
    long[] kept = PathwayStatistics.keep(inf, 2);
    // keys source * 2 + target: (0,0) = 0, (1,1) = 3, (2,0) = 4
    assertThat(kept).containsExactly(0, 3, 4);
    // concentration: (3 + 2 + 5) / (3 + 3 + 2 + 5) = 10 / 13
    assertThat(PathwayStatistics.concentration(inf, kept)).isEqualTo(10.0 / 13);
    assertThat(PathwayStatistics.jaccard(new long[] {0, 3, 4}, new long[] {3, 4, 7})).isEqualTo(0.5);
    assertThat(PathwayStatistics.jaccard(new long[0], new long[0])).isNaN();
    // specificity of class 0 against classes 1 (J = 0.5) and 2 (J = 0): 1 - 0.25
    assertThat(PathwayStatistics.specificity(new long[][] {{0, 3, 4}, {3, 4, 7}, {9}}, 0)).isEqualTo(0.75);
    // consistency for class 1: targets preferring 1 = {0}; kept into it: (0,0) 3 from a source preferring 1, (2,0) 5 from class 0 -> 3/8
    assertThat(PathwayStatistics.consistency(inf, kept, new int[] {1, 1, 0}, new int[] {1, 0}, 1)).isEqualTo(3.0 / 8);
    assertThat(PathwayStatistics.consistency(inf, kept, new int[] {1, 1, 0}, new int[] {1, 0}, 2)).isNaN();
  }
}
