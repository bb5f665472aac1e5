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
    assertThat(vgg.get("parameters").findValuesAsText("name")).containsExactly("blocks", "dense");
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
    assertThat(model.out()).contains("1,245,085 parameters").contains("block3_conv2");
    Result unknown = dsdl("describe", "nosuch");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("nothing is named 'nosuch'").contains("accuracy");
  }

  @Test
  void anUnknownPluginAnswersWithTheNamesThatExist() {
    Result r = dsdl("run", "--out", dir.resolve("r").toString(), "--set", "probes=[accuracy, selectivty]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown probe 'selectivty'; available probes: accuracy, failing, spy").doesNotContain("Exception").doesNotContain("\tat ");
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
  void tooFewExemplarsNeedAnExplicitOverride() {
    Result r = dsdl("run", "--out", dir.resolve("f").toString(), "--set", "dataset.trainPerClass=100");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("trainPerClass is 100 but minPerClass is 500");
  }
}
