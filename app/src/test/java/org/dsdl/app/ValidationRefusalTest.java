package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configs that validated but could not run (or ran something other than what they said) are
 * refused by {@code validate} and by {@code run} before a run directory exists: one line, exit 2.
 */
class ValidationRefusalTest {
  private static final String SMALL = "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}";

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  private static Result dsdl(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  private static List<String> args(List<String> command, String... sets) {
    List<String> args = new ArrayList<>(command);
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    return args;
  }

  /** Refused by validate with exactly {@code message}, and by run without creating its directory. */
  private void refused(String message, String... sets) {
    Result v = dsdl(args(List.of("validate"), sets));
    assertThat(v.err()).isEqualTo("dsdl: " + message + System.lineSeparator());
    assertThat(v.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(v.out()).isEmpty();
    Path out = dir.resolve("run");
    Result r = dsdl(args(List.of("run", "--no-progress", "--out", out.toString()), sets));
    assertThat(r.err()).isEqualTo("dsdl: " + message + System.lineSeparator());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(out).doesNotExist();
  }

  @Test
  void anImpossibleModelIsRefusedBeforeAnythingIsWritten() {
    refused("the built-in experiment: model vgg-1.24m+custom has 730,001,700,005 parameters for 32x32x1 input and 5 classes"
            + " (fc1 alone has 640,000,100,000); a run may have at most 100,000,000: use a smaller model (dsdl describe vgg lists its parameters)",
        SMALL, "model={blocks: [[100000],[100000]], dense: [100000]}");
  }

  @Test
  void absurdEpochsAreRefusedAtOnce() {
    long t0 = System.nanoTime();
    Result v = dsdl(args(List.of("validate"), SMALL, "training.epochs=2000000000"));
    assertThat(v.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(v.err()).contains("training.epochs must be at most 10000").doesNotContain("\tat ");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
  }

  @Test
  void aPluginParameterIsNotTruncatedEither() {
    refused("dataset (tokens) at 'tokens': expected a whole number, got 2.5", SMALL, "dataset.tokens=2.5");
  }

  @Test
  void aBatchLargerThanTheTrainingSplitIsRefused() {
    refused("the built-in experiment: training.batchSize 512 is larger than the training split of dataset 'tokens' (200 exemplars);"
        + " use at most 200", SMALL, "training.batchSize=512");
  }

  @Test
  void aLayerNoProbeCanMeasureIsRefusedNamingTheLayersThereAre() {
    refused("the built-in experiment: probes[1] (cka) asks for layer 'nope', which the model does not have; its layers are"
        + " [block1_conv1, block1_pool, block2_conv1, block2_pool, fc1, logits]",
        SMALL, "model.preset=vgg-tiny", "probes=[accuracy, {type: cka, layers: [fc1, nope]}]");
    refused("the built-in experiment: probes[0] (cka) asks for layer 'logits', which probeSet.layers [fc1] does not capture;"
        + " captured are [fc1]", SMALL, "model.preset=vgg-tiny", "probeSet.layers=[fc1]", "probes=[{type: cka, layers: [logits]}]");
  }
}
