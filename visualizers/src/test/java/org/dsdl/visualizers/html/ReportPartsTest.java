package org.dsdl.visualizers.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.dsdl.visualizers.fixture.CouplingRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's data split for its first screen: everything goes into exactly one of the two parts. */
class ReportPartsTest {
  @TempDir
  Path dir;

  @Test
  void theFirstPartHoldsWhatTheFirstScreenDrawsAndTheRestEverythingElseOnce() throws Exception {
    ObjectNode all = ReportData.build(CouplingRuns.run(dir, "coupling", 1), 16);
    JsonNode whole = all.deepCopy();
    ReportParts parts = ReportParts.of(all);
    JsonNode first = parts.first();
    JsonNode more = parts.more();
    assertThat(first.get("scalars")).isEqualTo(whole.get("scalars"));
    assertThat(first.get("findings")).isEqualTo(whole.get("findings"));
    assertThat(first.has("matrices")).isFalse();
    assertThat(more.get("matrices")).isEqualTo(whole.get("matrices"));
    // the held-out recall (figure a) in the first part, every other vector in the rest, none in both
    assertThat(first.get("vectors")).hasSize(1);
    assertThat(first.at("/vectors/0/metric").asText()).isEqualTo("test_recall");
    assertThat(first.get("vectors").size() + more.get("vectors").size()).isEqualTo(whole.get("vectors").size());
    // the graph: its last checkpoint in the first part, the others in the rest, each frame in exactly one
    JsonNode g = whole.at("/graphs/0");
    int n = g.get("edges").size();
    assertThat(n).isEqualTo(CouplingRuns.STEPS.length);
    for (int k = 0; k < n; k++) {
      boolean last = k == n - 1;
      assertThat(first.at("/graphs/0/edges/" + k)).isEqualTo(last ? g.at("/edges/" + k) : com.fasterxml.jackson.databind.node.NullNode.getInstance());
      assertThat(more.at("/graphs/0/edges/" + k)).isEqualTo(last ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : g.at("/edges/" + k));
      assertThat(more.at("/graphs/0/attrs/" + k).isNull()).isEqualTo(last);
    }
    // edge widths and the threshold slider are relative to the largest weight of every checkpoint, not only the last
    double max = 0;
    for (JsonNode frame : g.get("edges")) {
      for (int q = 2; q < frame.size(); q += 3) {
        max = Math.max(max, Math.abs(frame.get(q).asDouble()));
      }
    }
    assertThat(first.at("/graphs/0/maxWeight").asDouble()).isEqualTo(max).isPositive();
  }

  @Test
  void thePageTemplateIsFilledInOnePassSoAPlaceholderInsideTheDataStaysText() {
    assertThat(org.dsdl.api.viz.ReportComponents.fill("<t>@A@</t><d>@B@</d>", Map.of("@A@", "title @B@", "@B@", "data @A@")))
        .isEqualTo("<t>title @B@</t><d>data @A@</d>");
  }
}
