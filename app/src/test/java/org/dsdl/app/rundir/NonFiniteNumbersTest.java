package org.dsdl.app.rundir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.junit.jupiter.api.Test;

/**
 * What docs/writing-a-probe.md and the Javadoc of {@code Measurements} promise probe authors: a
 * non-finite number is written in metrics.jsonl as a JSON string, and read back as the number.
 */
class NonFiniteNumbersTest {
  @Test
  void nanAndInfinitiesAreWrittenAsStringsAndReadBack() throws Exception {
    Checkpoint c = new Checkpoint(5, 13, 1.0, 260);
    List<Measurement> ms = new Measurements("accuracy", c)
        .vector("identity_onset_step", null, List.of("T", "L"), new double[] {4, Double.NaN})
        .scalar("ratio", "fc1", Double.POSITIVE_INFINITY)
        .matrix("m", null, List.of("a"), List.of("b", "c"), new double[][] {{Double.NEGATIVE_INFINITY, 0.5}})
        .list();
    assertThat(Json.LINES.writeValueAsString(MeasurementCodec.toJson(ms.get(0)))).isEqualTo(
        "{\"checkpoint\":5,\"step\":13,\"epoch\":1.0,\"probe\":\"accuracy\",\"metric\":\"identity_onset_step\",\"layer\":null,"
            + "\"kind\":\"vector\",\"labels\":[\"T\",\"L\"],\"value\":[4.0,\"NaN\"]}");
    assertThat(MeasurementCodec.toJson(ms.get(1)).get("value").asText()).isEqualTo("Infinity");
    assertThat(MeasurementCodec.toJson(ms.get(2)).get("value").get(0).get(0).asText()).isEqualTo("-Infinity");

    VectorMeasurement back = (VectorMeasurement) MeasurementCodec.fromJson(MeasurementCodec.toJson(ms.get(0)), i -> c);
    assertThat(back.values()[0]).isEqualTo(4.0);
    assertThat(back.values()[1]).isNaN();
  }
}
