package org.dsdl.visualizers.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.dsdl.api.run.RunRecord;
import org.dsdl.testkit.RunRecordBuilder;
import org.dsdl.visualizers.fixture.AttributionRuns;
import org.dsdl.visualizers.fixture.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathwayDataTest {
  @TempDir
  Path dir;

  @Test
  void attributionGraphsGoInAsTheirClassesPathwaysOnly() throws Exception {
    JsonNode data = ReportData.build(AttributionRuns.run(dir), 16);
    assertThat(data.get("graphs")).as("not as whole graphs").isEmpty();
    JsonNode p = data.at("/pathways/0");
    assertThat(data.get("pathways")).hasSize(1);
    assertThat(p.get("probe").asText()).isEqualTo("class-attribution");
    assertThat(p.get("layers").toString()).isEqualTo("[\"c1\",\"fc\",\"logits\"]");
    assertThat(p.get("widths").toString()).isEqualTo("[4,3,2]");
    assertThat(p.get("maxInfluence").toString()).as("per layer pair, over every frame and class").isEqualTo("[2.5,2.0]");
    assertThat(p.get("classes")).hasSize(2);
    JsonNode c0 = p.at("/classes/0");
    assertThat(c0.get("k").asInt()).isZero();
    assertThat(c0.get("ck").toString()).isEqualTo("[0,1,2,3,4,5]");
    JsonNode last = c0.at("/f/5");
    // the hand-worked shares of ClassPathwayTest: c1 in order 0, 2, 1, 3; fc 0, 2, 1; logits only the class's own
    assertThat(last.get("u").toString()).isEqualTo("[[0,2,1,3],[0,2,1],[0]]");
    assertThat(last.at("/s/0/0").asDouble()).isEqualTo(0.835);
    assertThat(last.get("p").toString()).isEqualTo("[[0,0,1,1],[0,0,1],[0]]");
    assertThat(last.at("/q/0").toString()).isEqualTo("[0.1,0.3,0.2,0.4]");
    // links as [source position, target position, influence] per layer pair
    assertThat(last.at("/e/1").toString()).isEqualTo("[0,0,2.0,2,0,0.2,1,0,2.0]");
    assertThat(last.at("/e/0")).hasSize(9 * 3);
    assertThat(p.at("/classes/1/f/0/u/2").toString()).as("class 1's pathway starts at its own logit").isEqualTo("[1]");
  }

  @Test
  void manyCheckpointsAreThinnedToMaxFramesEvenlyWithTheFirstAndLast() throws Exception {
    RunRecordBuilder b = RunRecordBuilder.in(dir).classes("a", "b");
    for (int i = 0; i < 500; i++) {
      b.checkpoint(new org.dsdl.api.run.Checkpoint(i, i * 10L, i / 10.0, i * 100L));
    }
    for (int i = 0; i < 500; i++) {
      for (int c = 0; c < 2; c++) {
        var g = AttributionRuns.graph(new org.dsdl.api.run.Checkpoint(i % 6, 0, 0, 0), c);
        b.add(new org.dsdl.api.measure.GraphMeasurement(new org.dsdl.api.measure.MeasurementKey("class-attribution", g.key().metric(), null,
            b.checkpoint(i)), g.nodes(), g.edges()));
      }
    }
    RunRecord run = b.build();
    JsonNode c1 = ReportData.build(run, 5).at("/pathways/0/classes/1");
    assertThat(c1.get("frames").asInt()).isEqualTo(500);
    assertThat(c1.get("ck").toString()).isEqualTo("[0,125,250,374,499]");
    assertThat(c1.get("f")).hasSize(5);
    assertThat(PathwayData.kept(3, 5)).containsExactly(0, 1, 2);
    assertThat(PathwayData.kept(10, 4)).containsExactly(0, 3, 6, 9);
  }

  @Test
  void aRunWithoutAttributionGraphsHasNoPathways() throws Exception {
    JsonNode data = ReportData.build(Runs.sample(dir), 16);
    assertThat(data.get("pathways")).isEmpty();
    assertThat(data.get("graphs")).as("other graphs are drawn as before").hasSize(1);
  }
}
