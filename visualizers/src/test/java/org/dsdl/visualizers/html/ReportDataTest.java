package org.dsdl.visualizers.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.testkit.RunRecordBuilder;
import org.dsdl.visualizers.fixture.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataTest {
  @TempDir
  Path dir;

  @Test
  void theSummaryComesFromTheTypedRecordUnderRunJsonsKeys() throws Exception {
    JsonNode run = ReportData.build(Runs.complete(dir), 16).get("run");
    assertThat(run.at("/versions/engine").asText()).isEqualTo("fake-engine 1");
    assertThat(run.at("/versions/cpus").asText()).isEqualTo("4");
    assertThat(run.at("/config/training/schedule").asText()).isEqualTo("cosine");
    assertThat(run.at("/dataset/shape").toString()).isEqualTo("[8,8,1]");
    assertThat(run.at("/dataset/classes").size()).isEqualTo(2);
    assertThat(run.at("/dataset/probeSetSize").asInt()).isEqualTo(4);
    assertThat(run.at("/model/spec").asText()).isEqualTo("vgg-tiny");
    assertThat(run.at("/model/layers/0/name").asText()).isEqualTo("c1");
    assertThat(run.at("/model/layers/0/kind").asText()).isEqualTo("CONV");
    assertThat(run.at("/model/layers/0/outputShape").toString()).isEqualTo("[4,4,2]");
    assertThat(run.at("/timings/total").asDouble()).isEqualTo(12.5);
    assertThat(run.at("/seeds/init").asLong()).isEqualTo(11);
    assertThat(run.at("/probeFailures/0/error").asText()).isEqualTo("IllegalStateException: boom");
    assertThat(run.has("error")).isFalse();
  }

  @Test
  void theContactSheetIsEmbeddedOnlyWhenTheRecordHasOne() throws Exception {
    assertThat(ReportData.build(Runs.complete(dir), 16).path("contactSheet").asText()).startsWith("data:image/png;base64,iVBOR");
    JsonNode bare = ReportData.build(Runs.sample(dir.resolve("bare")), 16);
    assertThat(bare.has("contactSheet")).isFalse();
    assertThat(bare.at("/run/versions").toString()).as("only what the run recorded").isEqualTo("{\"dsdl\":\"test\"}");
  }

  @Test
  void aSymmetricMatrixGoesInAsItsLowerTriangleAndAnyOtherWhole() throws Exception {
    JsonNode matrices = ReportData.build(Runs.sample(dir), 16).get("matrices");
    JsonNode pairs = null;
    JsonNode confusion = null;
    for (JsonNode m : matrices) {
      pairs = m.path("metric").asText().equals("pairs") ? m : pairs;
      confusion = m.path("metric").asText().equals("confusion") ? m : confusion;
    }
    // pairs at checkpoint 3 is {{1, 1}, {1, 1}}, at checkpoint 1 {{1, 1/3}, {1/3, 1}}: row i keeps columns 0…i
    assertThat(pairs.path("symmetric").asBoolean()).isTrue();
    assertThat(pairs.at("/v/1").toString()).isEqualTo("[[1],[0.3333,1]]");
    assertThat(confusion.has("symmetric")).as("{{5 + k, 5 - k}, {2, 8}} is not symmetric").isFalse();
    assertThat(confusion.at("/v/0").toString()).isEqualTo("[[5,5],[2,8]]");
    assertThat(ReportData.symmetric(new double[][] {{1, Double.NaN}, {Double.NaN, 1}})).isTrue();
    assertThat(ReportData.symmetric(new double[][] {{1, 2}, {2.0000001, 1}})).isFalse();
    assertThat(ReportData.symmetric(new double[][] {{1, 2, 3}, {2, 1, 3}})).as("not square").isFalse();
  }

  @Test
  void eventsAreTheDeclaredOnes() throws Exception {
    RunRecordBuilder b = Runs.builder(dir);
    List<org.dsdl.api.measure.Measurement> ms = new ArrayList<>(new Measurements("cka", b.checkpoint(2)).scalar("settling_step", "fc1", 40).list());
    ms.addAll(new Measurements("mine", b.checkpoint(3)).scalar("lone_step", null, 7).list());
    JsonNode data = ReportData.build(b.add(ms).build(), 16);
    assertThat(data.get("events")).hasSize(1);
    assertThat(data.at("/events/0/metric").asText()).isEqualTo("settling_step");
    assertThat(data.at("/scalars/0/metric").asText()).as("an undeclared *_step metric is a series").isEqualTo("lone_step");
  }

  @Test
  void aPerLayerVectorEventKeepsItsLayer() throws Exception {
    RunRecordBuilder b = Runs.builder(dir).declare("mine", org.dsdl.api.probe.MetricSpec.event("onset_step", org.dsdl.api.measure.MeasurementKind.VECTOR,
        "per class").forEachLayer());
    b.add(new Measurements("mine", b.checkpoint(3)).vector("onset_step", "fc1", List.of("T", "L"), new double[] {40, Double.NaN}).list());
    JsonNode events = ReportData.build(b.build(), 16).get("events");
    assertThat(events.toString()).contains("{\"probe\":\"mine\",\"metric\":\"onset_step\",\"label\":\"T\",\"layer\":\"fc1\",\"step\":40}");
    assertThat(events.at("/1/step").isNull()).isTrue();
  }
}
