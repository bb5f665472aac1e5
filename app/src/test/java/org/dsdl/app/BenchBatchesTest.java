package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code dsdl bench --batches}: training throughput per batch size, in text and JSON; bad lists refused in one line. */
class BenchBatchesTest {
  static final String[] TINY = {"--set", "model.preset=vgg-tiny", "--set", "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}"};

  private static CliTest.Result bench(String... args) {
    String[] all = java.util.Arrays.copyOf(new String[] {"bench"}, 1 + args.length + TINY.length);
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(TINY, 0, all, 1 + args.length, TINY.length);
    return CliTest.dsdl(all);
  }

  @Test
  void jsonHasOneRowPerBatchSizeInTheOrderAsked() throws Exception {
    CliTest.Result r = bench("--batches", "8,2,4", "--steps", "3", "--warmup", "1", "--repeats", "3", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode b = new ObjectMapper().readTree(r.out());
    assertThat(b.get("model").asText()).isEqualTo("vgg-tiny");
    assertThat(b.get("engine").asText()).startsWith("tensorflow-java ").containsPattern("oneDNN (on|off)");
    assertThat(b.get("repeats").asInt()).isEqualTo(3);
    assertThat(b.get("steps").asInt()).isEqualTo(3);
    assertThat(b.get("batches").findValuesAsText("batchSize")).containsExactly("8", "2", "4");
    for (JsonNode row : b.get("batches")) {
      for (String stat : new String[] {"samplesPerSecond", "msPerStep"}) {
        JsonNode s = row.get(stat);
        assertThat(s.get("min").asDouble()).as(stat).isPositive().isLessThanOrEqualTo(s.get("median").asDouble());
        assertThat(s.get("median").asDouble()).as(stat).isLessThanOrEqualTo(s.get("max").asDouble());
      }
      // samples/s = batch / seconds per step (every batch of these steps is full: 200 exemplars, batches of 2, 4, 8)
      double perStep = row.at("/msPerStep/median").asDouble() / 1e3;
      assertThat(row.at("/samplesPerSecond/median").asDouble()).isCloseTo(row.get("batchSize").asInt() / perStep,
          org.assertj.core.api.Assertions.withinPercentage(1));
    }
  }

  @Test
  void textHasOneLinePerBatchSize() {
    CliTest.Result r = bench("--batches", "2,4", "--steps", "2", "--warmup", "0", "--repeats", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("dsdl bench --batches: vgg-tiny (");
    assertThat(r.out()).containsPattern("\\n  batch    2  training \\d+ \\[\\d+-\\d+\\] samples/s .* x1\\.00 of batch 2\\n")
        .containsPattern("\\n  batch    4  training \\d+ \\[\\d+-\\d+\\] samples/s .* of batch 2\\n");
  }

  @Test
  void aBadListIsOneLine() {
    for (String bad : new String[] {"0,16", "16,16", "x"}) {
      CliTest.Result r = bench("--batches", bad);
      assertThat(r.code()).as(bad).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).as(bad).startsWith("dsdl: ").doesNotContain("\tat ");
    }
  }
}
