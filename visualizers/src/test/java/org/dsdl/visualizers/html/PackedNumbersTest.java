package org.dsdl.visualizers.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dsdl.visualizers.fixture.CouplingRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's packed number arrays decode (by the page's steps, repeated here) to exactly the doubles their JSON text gives. */
class PackedNumbersTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;

  /** The decoder of report.js's {@code unpack}, step for step. */
  static List<Double> unpack(String s) {
    int stride = s.charAt(0) - '0';
    int[] kinds = new int[stride];
    int[] widths = new int[stride];
    for (int j = 0; j < stride; j++) {
      kinds[j] = s.charAt(1 + 2 * j) == 'p' ? -1 : s.charAt(1 + 2 * j) - '0';
      widths[j] = s.charAt(2 + 2 * j) - '0';
    }
    List<Double> out = new ArrayList<>();
    int c = 0;
    for (int at = 1 + 2 * stride; at < s.length();) {
      double code = 0;
      for (int w = widths[c]; w > 0; w--) {
        code = code * 64 + PackedNumbers.ALPHABET.indexOf(s.charAt(at++));
      }
      if (code == 0) {
        out.add(null);
      } else {
        double z = code - 1;
        int x = kinds[c];
        if (x < 0) {
          x = (int) (z % 13);
          z = (z - x) / 13;
        }
        double n = z % 2 == 0 ? z / 2 : -(z + 1) / 2;
        out.add(x == 0 ? n : n / Double.parseDouble("1e" + x));
      }
      c = c + 1 == stride ? 0 : c + 1;
    }
    return out;
  }

  /** What parsing the array's JSON text gives: each element as a double, null for null. */
  private static List<Double> parsed(ArrayNode a) throws Exception {
    List<Double> out = new ArrayList<>();
    for (JsonNode v : JSON.readTree(JSON.writeValueAsString(a))) {
      out.add(v.isNull() ? null : v.asDouble());
    }
    return out;
  }

  private static ArrayNode array(Object... values) {
    ArrayNode a = F.arrayNode();
    for (Object v : values) {
      if (v == null) {
        a.addNull();
      } else if (v instanceof Long l) {
        a.add(l);
      } else {
        a.add((Double) v);
      }
    }
    return a;
  }

  @Test
  void smallIntegersTakeOneCharacterEach() {
    // 1 → zigzag 2 → code 3 = 'D'; -1 → 1 → 2 = 'C'; null → 0 = 'A'; stride 1, exponent 0, width 1
    assertThat(PackedNumbers.pack(array(1L, -1L, null), 1).asText()).isEqualTo("101DCA");
  }

  @Test
  void decodesToTheDoublesTheJsonTextGives() throws Exception {
    ArrayNode a = array(0.998, 0.02542, -0.1234, 1.234e-7, null, 12L, -1L, 0L, 1234.5, 0.9993, 4.0e-12, -7.5e11);
    JsonNode packed = PackedNumbers.pack(a, 1);
    assertThat(packed.isTextual()).isTrue();
    assertThat(unpack(packed.asText())).isEqualTo(parsed(a));
    Random random = new Random(19);
    for (int digits = 1; digits <= 6; digits++) {
      ArrayNode r = F.arrayNode();
      for (int i = 0; i < 3000; i++) {
        double v = ReportData.round(Math.pow(10, -random.nextInt(5)) * (0.1 + Math.abs(random.nextGaussian())) * (random.nextBoolean() ? 1 : -1), digits);
        r.add(i % 97 == 0 ? F.nullNode() : v == Math.rint(v) ? F.numberNode((long) v) : F.numberNode(v));
      }
      JsonNode p = PackedNumbers.pack(r, 3);
      assertThat(p.isTextual()).as("%d digits packed", digits).isTrue();
      assertThat(unpack(p.asText())).as("%d digits", digits).isEqualTo(parsed(r));
      assertThat(p.asText().length()).as("shorter than the JSON text at %d digits", digits).isLessThan(JSON.writeValueAsString(r).length());
    }
  }

  @Test
  void leavesAsTheyAreArraysItCannotPackExactly() {
    assertThat(PackedNumbers.pack(array(1.0, -0.0), 1).isArray()).as("negative zero").isTrue();
    assertThat(PackedNumbers.pack(array(1.0, 2.0), 3).isArray()).as("not whole rows").isTrue();
    assertThat(PackedNumbers.pack(array(1.5e-20), 1).isArray()).as("exponent beyond 12").isTrue();
    ArrayNode text = F.arrayNode().add("a");
    assertThat(PackedNumbers.pack(text, 1)).isSameAs(text);
  }

  @Test
  void theReportsRestDecodesToWhatItHeldBeforePacking() throws Exception {
    ObjectNode more = ReportParts.of(ReportData.build(CouplingRuns.run(dir, "coupling", 1), 16)).more();
    // the fixture's rest holds graph frames; a vector and a (lower-triangle) matrix as the default run's rest has them
    more.withArray("vectors").addObject().put("metric", "selectivity").set("v", F.arrayNode().add(array(0.06441, 0.1094, null)).add(array(0.5, -0.002, 1L)));
    more.withArray("matrices").addObject().put("metric", "correlation").set("v", F.arrayNode().add(F.arrayNode().add(array(1L)).add(array(-0.1234, 1L))));
    JsonNode before = JSON.readTree(JSON.writeValueAsString(more));
    PackedNumbers.packMore(more);
    int[] packed = {0};
    // a matrix's colour range comes along: its smallest and largest value over every frame
    assertThat(more.at("/matrices/0/range").toString()).isEqualTo("[-0.1234,1.0]");
    ((ObjectNode) more.at("/matrices/0")).remove("range");
    assertThat(decoded(JSON.readTree(JSON.writeValueAsString(more)), packed)).isEqualTo(doubles(before));
    assertThat(more.at("/graphs/0/edges/0").isTextual()).as("a graph frame packed").isTrue();
    assertThat(more.at("/graphs/0/attrs/0/0").isTextual()).as("a graph attribute packed").isTrue();
    assertThat(more.at("/vectors/0/v/1").asText()).as("a vector frame packed").isEqualTo(PackedNumbers.pack(array(0.5, -0.002, 1L), 1).asText());
    assertThat(more.at("/matrices/0/v/0/1").isTextual()).as("a matrix row packed").isTrue();
    assertThat(packed[0]).isGreaterThan(10);
    assertThat(JSON.writeValueAsString(more).length()).isLessThan(JSON.writeValueAsString(before).length());
  }

  /** The tree with every packed string decoded into an array of doubles (strings that are not packed arrays never sit where these do). */
  private static JsonNode decoded(JsonNode n, int[] count) {
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      n.fields().forEachRemaining(e -> o.set(e.getKey(), e.getKey().equals("v") || e.getKey().equals("edges") || e.getKey().equals("attrs")
          ? decodedFrames(e.getValue(), count) : decoded(e.getValue(), count)));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(x -> a.add(decoded(x, count)));
      return a;
    }
    return n.isNumber() ? F.numberNode(n.asDouble()) : n;
  }

  private static JsonNode decodedFrames(JsonNode n, int[] count) {
    if (n.isTextual()) {
      count[0]++;
      ArrayNode a = F.arrayNode();
      unpack(n.asText()).forEach(d -> a.add(d == null ? F.nullNode() : F.numberNode(d)));
      return a;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(x -> a.add(decodedFrames(x, count)));
      return a;
    }
    return decoded(n, count);
  }

  private static JsonNode doubles(JsonNode n) {
    return decoded(n, new int[1]);
  }
}
