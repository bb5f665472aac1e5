package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result dsdl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void listJsonShowsEveryBuiltInPluginWithParameters() throws Exception {
    Result r = dsdl("list", "--json");
    assertThat(r.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode tokens = find(root.get("datasets"), "tokens");
    assertThat(tokens.get("origin").asText()).isEqualTo("built-in");
    assertThat(tokens.get("parameters").findValuesAsText("name")).contains("tokens", "trainPerClass", "noise", "clutter");
    JsonNode vgg = find(root.get("models"), "vgg-1.24m");
    assertThat(vgg.get("family").asText()).isEqualTo("vgg");
    assertThat(vgg.get("parameterCount").asLong()).isEqualTo(1_245_085L);
    assertThat(vgg.get("parameters").findValuesAsText("name")).containsExactly("blocks", "dense", "batchNorm", "dropout", "initializer");
    assertThat(vgg.get("trainingFlopsPerSample").asLong()).isEqualTo(3 * vgg.get("forwardFlopsPerSample").asLong());
    assertThat(root.get("models").findValuesAsText("name")).contains("vgg-tiny", "vgg-wide");
    assertThat(find(root.get("probes"), "accuracy").get("outputs")).isNotEmpty();
    assertThat(find(root.get("visualizers"), "csv")).isNotNull();
    assertThat(find(root.get("engines"), "tensorflow").get("parameters").findValuesAsText("name")).contains("intraOpThreads");
  }

  private static JsonNode find(JsonNode array, String name) {
    for (JsonNode n : array) {
      if (n.get("name").asText().equals(name)) {
        return n;
      }
    }
    throw new AssertionError(name + " not in " + array);
  }

  @Test
  void describeShowsParametersDefaultsAndDocs() {
    Result r = dsdl("describe", "tokens");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("tokens (dataset)").contains("trainPerClass").contains("500").contains("training exemplars per token");
    Result model = dsdl("describe", "vgg-1.24m");
    // multiply-adds by hand: convs 294,912 + 9,437,184 + 4,718,592 + 9,437,184 + 4,718,592 + 9,437,184,
    // dense 901,120 + 56,320 + 640 = 39,001,728; FLOPs = 2 x that
    assertThat(model.out()).contains("1,245,085 parameters").contains("block3_conv2").contains("78,003,456 FLOPs forward")
        .contains("234,010,368 training");
    Result unknown = dsdl("describe", "nosuch");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("nothing is named 'nosuch'").contains("accuracy");
  }

  @Test
  void anUnknownPluginAnswersWithTheNamesThatExist() {
    Result r = dsdl("run", "--out", dir.resolve("r").toString(), "--set", "probes=[accuracy, selectivty]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown probe 'selectivty'; available probes: accuracy, cka, class-attribution, class-geometry, coupling-graph, dies-in-finish, failing, filter-coupling, linear-probe, paced, rsa,"
        + " selectivity, slow, spy, weight-coupling").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("r")).doesNotExist();
  }

  @Test
  void anUnknownParameterNamesTheAllowedOnes() {
    Result r = dsdl("validate", "--set", "dataset.nois=0.3", "nonexistent.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nonexistent.yaml").contains("does not exist");
    Result p = dsdl("run", "--set", "dataset.nois=0.3", "--out", dir.resolve("r").toString());
    assertThat(p.code()).isEqualTo(2);
    assertThat(p.err()).contains("unknown parameter 'nois' for dataset 'tokens'; allowed: tokens, trainPerClass");
  }

  @Test
  void badInputShowsAStackTraceOnlyWithDebug() {
    Result plain = dsdl("run", "--set", "training.epochs=x", "--out", dir.resolve("a").toString());
    assertThat(plain.code()).isEqualTo(2);
    assertThat(plain.err().lines().filter(l -> l.startsWith("dsdl:"))).hasSize(1);
    assertThat(plain.err()).doesNotContain("\tat ");
    Result debug = dsdl("--debug", "run", "--set", "training.epochs=x", "--out", dir.resolve("b").toString());
    assertThat(debug.code()).isEqualTo(2);
    assertThat(debug.err()).contains("\tat ");
  }

  @Test
  void validatePrintsTheResolvedExperimentAndTrainsNothing() throws Exception {
    Path cfg = dir.resolve("c.yaml");
    Files.writeString(cfg, "name: v\ndataset: {type: tokens, trainPerClass: 50, testPerClass: 10, minPerClass: 50}\n");
    Result r = dsdl("validate", cfg.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("clutter:").contains("# valid: 5 classes, 250 training + 50 held-out").contains("1,245,085 parameters");
  }

  @Test
  void anUnbuildableModelIsBadInputBeforeTraining() {
    Result r = dsdl("run", "--out", dir.resolve("m").toString(), "--set", "model.blocks=[[8],[8],[8],[8],[8],[8]]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("below 1x1");
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @Test
  void anOutThatIsAFileOrMissingRunIsBadInput() throws Exception {
    Path file = dir.resolve("file.txt");
    Files.writeString(file, "keep me");
    Result r = dsdl("run", "--out", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("exists and is not a directory");
    assertThat(Files.readString(file)).isEqualTo("keep me");
    Result report = dsdl("report", dir.toString());
    assertThat(report.code()).isEqualTo(2);
    assertThat(report.err()).contains("is not a dsdl run directory: run.json is missing");
  }

  @Test
  void benchReportsThroughputCaptureProbesMemoryAndFlops() throws Exception {
    Result r = dsdl("bench", "--json", "--steps", "5", "--warmup", "2", "--repeats", "3",
        "--set", "model.preset=vgg-tiny", "--set", "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode b = new ObjectMapper().readTree(r.out());
    assertThat(b.get("model").asText()).isEqualTo("vgg-tiny");
    assertThat(b.get("repeats").asInt()).isEqualTo(3);
    for (String stat : new String[] {"samplesPerSecond", "feedFreeSamplesPerSecond", "captureMs", "forwardMs", "recordMs", "msPerStep", "gigaflopsPerSecond"}) {
      JsonNode s = b.get(stat);
      assertThat(s.get("min").asDouble()).as(stat).isPositive().isLessThanOrEqualTo(s.get("median").asDouble());
      assertThat(s.get("median").asDouble()).as(stat).isLessThanOrEqualTo(s.get("max").asDouble());
    }
    assertThat(b.at("/engineShare/max").asDouble()).isLessThanOrEqualTo(1.0);
    assertThat(b.at("/probeMs/accuracy/median").asDouble()).isNotNegative();
    // every checkpoint of the run's schedule is timed: the run's mean lies within the timings; CPU time is counted
    b.get("probeMs").fieldNames().forEachRemaining(probe -> {
      double mean = b.get("probeRunMeanMs").get(probe).asDouble();
      assertThat(mean).as(probe).isBetween(b.at("/probeMs/" + probe + "/min").asDouble(), b.at("/probeMs/" + probe + "/max").asDouble());
      assertThat(b.get("probeRunMeanCpuMs").get(probe).asDouble()).as(probe).isNotNegative();
    });
    assertThat(b.at("/probeRunMeanCpuMs/linear-probe").asDouble()).isPositive();
    // vgg-tiny on 32x32x1: conv 32*32*8*9 + 16*16*16*9*8, dense 8*8*16*32 + 32*5 multiply-adds
    long macs = 32L * 32 * 8 * 9 + 16L * 16 * 16 * 9 * 8 + 8L * 8 * 16 * 32 + 32 * 5;
    assertThat(b.get("forwardFlopsPerSample").asLong()).isEqualTo(2 * macs);
    assertThat(b.get("trainingFlopsPerSample").asLong()).isEqualTo(6 * macs);
    assertThat(b.get("peakRssMb").asDouble()).isPositive();
  }

  @Test
  void modelOptionsFromTheConfigReachTheModel() throws Exception {
    Path cfg = dir.resolve("m.yaml");
    Files.writeString(cfg, "dataset: {type: tokens, trainPerClass: 50, testPerClass: 10, minPerClass: 50}\n"
        + "model: {preset: vgg-1.24m, batchNorm: true, dropout: 0.25, initializer: glorot-uniform}\n"
        + "training: {optimizer: {type: rmsprop, learningRate: 0.001, weightDecay: 0.0001}, schedule: step, stepEpochs: 5}\n");
    Result r = dsdl("validate", cfg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // batch norm adds a scale and a shift per conv channel: 2 x (32+32+64+64+128+128) = 896
    assertThat(r.out()).contains("model vgg-1.24m+custom with 1,245,981 parameters");
    assertThat(dsdl("validate", cfg.toString(), "--set", "model.dropout=1.5").err()).contains("model (vgg): dropout must be in [0, 1), got 1.5");
    assertThat(dsdl("validate", cfg.toString(), "--set", "model.initializer=zeros").err()).contains("model (vgg): initializer must be one of");
    assertThat(dsdl("validate", cfg.toString(), "--set", "training.optimizer.type=lbfgs").err())
        .contains("training.optimizer.type must be one of [adam, sgd, rmsprop]");
    assertThat(dsdl("validate", cfg.toString(), "--set", "training.schedule=linear").err()).contains("training.schedule must be one of");
  }

  @Test
  void datasetPreviewWritesAContactSheetWithARowPerClass() throws Exception {
    Path png = dir.resolve("sheet.png");
    Result r = dsdl("dataset", "preview", "--out", png.toString(), "--per-class", "3",
        "--set", "dataset={type: tokens, trainPerClass: 20, testPerClass: 5, minPerClass: 20}");
    assertThat(r.code()).as(r.err()).isZero();
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
    // 110 px of labels, then 3 exemplars of 32 px at zoom 2 with 2 px gaps; 5 rows of 64 + 2
    assertThat(img.getWidth()).isEqualTo(110 + 3 * (64 + 2));
    assertThat(img.getHeight()).isEqualTo(5 * (64 + 2));
    assertThat(dsdl("dataset", "preview", "--out", png.toString(), "--zoom", "0").code()).isEqualTo(2);
  }

  @Test
  void badDataIsBadInputBeforeTraining() {
    Result r = dsdl("run", "--out", dir.resolve("d").toString(), "--set", "dataset={type: idx, directory: " + dir.resolve("none") + "}");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("dataset 'idx': IDX file " + dir.resolve("none")).contains("does not exist");
    assertThat(dir.resolve("d")).doesNotExist();
    Result f = dsdl("validate", "--set", "dataset={type: folder}", "none.yaml");
    assertThat(f.code()).isEqualTo(2);
  }

  @Test
  void tooFewExemplarsNeedAnExplicitOverride() {
    Result r = dsdl("run", "--out", dir.resolve("f").toString(), "--set", "dataset.trainPerClass=100");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("trainPerClass is 100 but minPerClass is 500");
  }
}
