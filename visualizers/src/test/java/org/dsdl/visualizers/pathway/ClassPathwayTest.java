package org.dsdl.visualizers.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.visualizers.fixture.AttributionRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathwayTest {
  private static final double TOL = 1e-6;
  @TempDir
  Path dir;

  /** The fixture's class-0 graph at its last checkpoint (see the shares worked out by hand below). */
  private static GraphMeasurement last(int c) {
    return AttributionRuns.graph(new Checkpoint(AttributionRuns.STEPS.length - 1, 400, 0, 0), c);
  }

  private static List<Integer> units(ClassPathway p, int column) {
    return p.columns().get(column).units().stream().map(ClassPathway.Unit::index).toList();
  }

  @Test
  void sharesFlowBackFromTheClassLogitInProportionToKeptInfluence() {
    // logit 0 draws 2, 0.2, 2 from fc0..fc2 (total 4.2): fc0 = fc2 = 2/4.2, fc1 = 0.2/4.2.
    // fc0 and fc2 each draw 2.5 from c1_0, 0.25 from c1_2 and 0.1 from c1_1 or c1_3 (total 2.85); fc1 draws 0.5, 0.25, 0.1
    // from c1_1, c1_3, c1_2 (total 0.85): c1_0 = 2 · (2/4.2) · (2.5/2.85) = 0.835422, and so on.
    ClassPathway p = ClassPathway.of(last(0), 0, true, 12);
    assertThat(p.columns()).extracting(ClassPathway.Column::layer).containsExactly("c1", "fc", "logits");
    assertThat(p.columns()).extracting(ClassPathway.Column::width).containsExactly(4, 3, 2);
    assertThat(units(p, 2)).as("only the class's own logit is a root").containsExactly(0);
    assertThat(units(p, 1)).as("largest share first, ties by index").containsExactly(0, 2, 1);
    assertThat(units(p, 0)).containsExactly(0, 2, 1, 3);
    double[] c1 = p.columns().get(0).units().stream().mapToDouble(ClassPathway.Unit::share).toArray();
    assertThat(c1[0]).isCloseTo(2 * (2 / 4.2) * (2.5 / 2.85), within(TOL));
    assertThat(c1[1]).isCloseTo(2 * (2 / 4.2) * (0.25 / 2.85) + (0.2 / 4.2) * (0.1 / 0.85), within(TOL));
    assertThat(c1[2]).isCloseTo((2 / 4.2) * (0.1 / 2.85) + (0.2 / 4.2) * (0.5 / 0.85), within(TOL));
    assertThat(c1[3]).isCloseTo((0.2 / 4.2) * (0.25 / 0.85) + (2 / 4.2) * (0.1 / 2.85), within(TOL));
    assertThat(c1[0] + c1[1] + c1[2] + c1[3]).as("every share reaches the first layer").isCloseTo(1, within(TOL));
    ClassPathway.Unit u = p.columns().get(0).units().get(0);
    assertThat(u.preferredClass()).isZero();
    assertThat(u.selectivity()).isCloseTo(0.1, within(TOL));
  }

  @Test
  void eachLayerKeepsItsLargestSharesAndTheLinksBetweenKeptUnits() {
    ClassPathway p = ClassPathway.of(last(0), 0, true, 2);
    assertThat(units(p, 0)).containsExactly(0, 2);
    assertThat(units(p, 1)).containsExactly(0, 2);
    assertThat(p.links()).containsExactly(
        new ClassPathway.Link(0, 0, 0, 2.5), new ClassPathway.Link(0, 1, 0, 0.25),
        new ClassPathway.Link(0, 0, 1, 2.5), new ClassPathway.Link(0, 1, 1, 0.25),
        new ClassPathway.Link(1, 0, 0, 2.0), new ClassPathway.Link(1, 1, 0, 2.0));
    assertThat(ClassPathway.maxInfluence(List.of(p, ClassPathway.of(last(1), 1, true, 2)))).containsExactly(2.5, 2.0);
  }

  @Test
  void withoutLogitsTheRootsAreTheLastLayersUnitsPreferringTheClass() {
    GraphMeasurement g = last(0);
    GraphMeasurement noLogits = new GraphMeasurement(g.key(), g.nodes().stream().filter(n -> !n.group().equals("logits")).toList(),
        g.edges().stream().filter(e -> !e.target().startsWith("2:")).toList());
    ClassPathway p = ClassPathway.of(noLogits, 0, false, 12);
    assertThat(units(p, 1)).containsExactly(0, 2);
    assertThat(p.columns().get(1).units().get(0).share()).isCloseTo(0.5, within(TOL));
    assertThat(p.columns().get(0).units().get(0).share()).isCloseTo(2.5 / 2.85, within(TOL));
    ClassPathway none = ClassPathway.of(noLogits, 7, false, 12);
    assertThat(none.columns().get(1).units()).as("no unit prefers class 7: every unit a root").extracting(ClassPathway.Unit::share)
        .allSatisfy(s -> assertThat(s).isCloseTo(1 / 3.0, within(TOL)));
  }

  @Test
  void onlyAttributionGraphMetricsNameAClass() {
    assertThat(ClassPathway.classOf("attribution_graph_c12")).contains(12);
    assertThat(ClassPathway.classOf("attribution_graph_c")).isEmpty();
    assertThat(ClassPathway.classOf("attribution_graph_c1_null")).isEmpty();
    assertThat(ClassPathway.classOf("coupling_graph")).isEmpty();
  }

  @Test
  void theEarlyStillIsTheMiddleOfTheLogStepAxis() {
    List<Checkpoint> fixture = checkpoints(AttributionRuns.STEPS);
    assertThat(AttributionGraphs.stills(fixture)).containsExactly(new AttributionGraphs.Still("first", 0), new AttributionGraphs.Still("early", 3),
        new AttributionGraphs.Still("last", 5));
    // the default run's schedule: log-spaced inside the first epoch, then every half epoch to step 3,140
    long[] steps = LongStream.concat(LongStream.of(0, 1, 2, 4, 8, 16, 32, 64, 79, 128, 157), LongStream.rangeClosed(3, 40).map(h -> Math.round(h * 78.5)))
        .toArray();
    List<Checkpoint> run = checkpoints(steps);
    assertThat(run.get(AttributionGraphs.stills(run).get(1).frame()).step()).isEqualTo(64);
    assertThat(AttributionGraphs.stills(checkpoints(0, 100))).extracting(AttributionGraphs.Still::name).containsExactly("first", "last");
    assertThat(AttributionGraphs.stills(checkpoints(5))).extracting(AttributionGraphs.Still::name).containsExactly("first");
  }

  @Test
  void aRunsGraphsAreFoundByMetricWhateverTheProbeIsCalled() {
    var all = AttributionGraphs.of(AttributionRuns.run(dir));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).probe()).isEqualTo(AttributionRuns.PROBE);
    assertThat(all.get(0).lastIsLogits()).as("the run's model says logits is LOGITS").isTrue();
    assertThat(all.get(0).byClass().keySet()).containsExactly(0, 1);
    assertThat(all.get(0).byClass().get(1)).extracting(g -> g.key().checkpoint().step()).containsExactly(0L, 1L, 4L, 16L, 64L, 400L);
  }

  private static List<Checkpoint> checkpoints(long... steps) {
    return java.util.stream.IntStream.range(0, steps.length).mapToObj(i -> new Checkpoint(i, steps[i], 0, 0)).toList();
  }
}
