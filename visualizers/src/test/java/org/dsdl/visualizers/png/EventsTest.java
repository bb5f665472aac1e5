package org.dsdl.visualizers.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.measure.MeasurementKind;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.run.RunRecord;
import org.dsdl.testkit.RunRecordBuilder;
import org.dsdl.visualizers.common.Scalars;
import org.dsdl.visualizers.fixture.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTest {
  @TempDir
  Path dir;

  private static List<String> rows(RunRecord run) {
    return Events.of(run, new Scalars(run)).stream().map(r -> String.join(" ", r)).toList();
  }

  /** A run whose probe declares an event not named *_step, and records a *_step metric it does not declare. */
  private static RunRecordBuilder declaredAndUndeclared(Path dir) {
    return measured(RunRecordBuilder.in(dir).declare("mine", MetricSpec.event("settles", MeasurementKind.SCALAR, "").forEachLayer(),
        MetricSpec.series("found_step", MeasurementKind.SCALAR, "a step number, but a series")));
  }

  private static RunRecordBuilder measured(RunRecordBuilder b) {
    b.classes("a", "b").checkpointsAt(0, 10, 100);
    b.scalar("mine", "found_step", null, 3, 4, 5);
    b.add(new Measurements("mine", b.checkpoint(1)).scalar("settles", "fc1", 10).scalar("lone_step", null, 7).list());
    return b;
  }

  @Test
  void theTimelineHoldsWhatProbesDeclareAsEventsNotWhatIsNamedLikeOne() {
    RunRecord run = declaredAndUndeclared(dir).build();
    assertThat(rows(run)).containsExactly("mine/settles fc1 10.0");
    assertThat(new Scalars(run).isEvent("mine/lone_step")).as("undeclared, one point, named *_step: still a series").isFalse();
  }

  @Test
  void anOlderRunWithoutDeclarationsFallsBackToTheStepSuffix() {
    RunRecord run = measured(RunRecordBuilder.in(dir).recordedBeforeDeclarations()).build();
    assertThat(rows(run)).containsExactly("mine/lone_step  7.0");
  }

  @Test
  void declaredVectorEventsGiveARowPerReachedLabel() {
    assertThat(rows(Runs.sample(dir))).containsExactly("accuracy/identity_onset_step T 40.0", "cka/settling_step fc1 40.0");
  }

  @Test
  void anUndeclaredStepMetricIsDrawnAsACurveNotOnTheTimeline() throws Exception {
    List<Path> written = new PngVisualizerProvider().create(new PngParameters(400, 300, false)).render(declaredAndUndeclared(dir).build());
    assertThat(written).extracting(p -> p.getFileName().toString()).contains("mine-found_step.png", "events-timeline.png")
        .doesNotContain("mine-settles.png");
    // a series of one point is no chart: it goes in the table of single values
    assertThat(written).extracting(p -> p.getFileName().toString()).doesNotContain("mine-lone_step.png");
    assertThat(java.nio.file.Files.readString(dir.resolve("figures/single-values.csv"))).startsWith("probe,metric,layer,value,steps\n")
        .contains("\nmine,lone_step,");
  }
}
