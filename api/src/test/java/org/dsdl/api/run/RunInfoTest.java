package org.dsdl.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dsdl.api.data.ImageShape;
import org.junit.jupiter.api.Test;

class RunInfoTest {
  private static RunInfo info(Map<Integer, Double> wall, Optional<Path> sheet) {
    return new RunInfo("r", 1, RunStatus.COMPLETED, List.of("a"), List.of(), 0, List.of(new Checkpoint(0, 0, 0, 0), new Checkpoint(1, 5, 1, 10)),
        Versions.of("1.0"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), wall, List.of(), Optional.empty(),
        Optional.empty(), DeclaredMetrics.notRecorded(), sheet, List.of());
  }

  @Test
  void wallSecondsByCheckpointAndDsdlVersionFromVersions() {
    Map<Integer, Double> wall = new HashMap<>(Map.of(1, 2.5));
    RunInfo i = info(wall, Optional.empty());
    wall.put(0, 9.0);
    assertThat(i.wallSeconds(new Checkpoint(1, 5, 1, 10))).hasValue(2.5);
    assertThat(i.wallSeconds(new Checkpoint(0, 0, 0, 0))).as("copied, not a view").isEmpty();
    assertThat(i.dsdlVersion()).isEqualTo("1.0");
  }

  @Test
  void absentFactsAreEmptyOptionalsNeverNull() {
    assertThatThrownBy(() -> info(Map.of(), null)).isInstanceOf(NullPointerException.class).hasMessage("contactSheet");
  }

  @Test
  void summariesValidateAndCopy() {
    assertThatThrownBy(() -> new Versions("1", "e", "j", "o", "c", -1)).hasMessage("cpus must be >= 0, got -1");
    assertThat(Versions.of("2").engine()).isEqualTo(Versions.UNKNOWN);
    assertThatThrownBy(() -> new ProbeFailure("p", -2, "boom")).hasMessageContaining("checkpoint must be >= -1");
    assertThatThrownBy(() -> new ModelSummary("vgg", "tf", -1, 0, 0)).hasMessageContaining("operation counts must be >= 0");
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("z", 1);
    provenance.put("a", null);
    List<Integer> counts = new ArrayList<>(List.of(5, 5));
    DatasetSummary d = new DatasetSummary("tokens", new ImageShape(8, 8, 1), counts, List.of(2, 2), 4, "t", "h", "c", "p", provenance);
    counts.add(1);
    assertThat(d.trainPerClass()).containsExactly(5, 5);
    assertThat(d.provenance().keySet()).as("order kept, a null fact allowed").containsExactly("z", "a");
    assertThatThrownBy(() -> d.provenance().put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new DatasetSummary("t", new ImageShape(1, 1, 1), List.of(), List.of(), -1, "", "", "", "", Map.of()))
        .hasMessage("probeSetSize must be >= 0, got -1");
  }
}
