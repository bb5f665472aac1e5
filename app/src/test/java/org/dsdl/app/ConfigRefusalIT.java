package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configs and data, refused through the packaged launcher on the module path (as {@code ./dsdl}
 * runs): one line on stderr, exit 2, nothing on stdout, no run directory. Runs after {@code package}
 * (failsafe).
 */
class ConfigRefusalIT {
  @TempDir
  Path dir;

  private Launcher.Result dsdl(String... args) throws IOException, InterruptedException {
    return new Launcher(dir).run(args);
  }

  /** Exactly {@code message} as one line on stderr, exit 2, nothing on stdout. */
  private static void refused(Launcher.Result r, String message) {
    assertThat(r.err()).isEqualTo("dsdl: " + message + System.lineSeparator());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  private Path config(String text) throws IOException {
    Path f = dir.resolve("e.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void numbersAreNeverConvertedAndJacksonIsNeverQuoted() throws Exception {
    refused(dsdl("validate", "--set", "training.epochs=2.9"),
        "--set training.epochs=2.9 at 'training.epochs': expected a whole number, got 2.9");
    refused(dsdl("validate", "--set", "dataset.tokens=\"3\""), "dataset (tokens) at 'tokens': expected a whole number, got the string \"3\"");
    refused(dsdl("validate", "--set", "model.blocks=abc"), "model (vgg) at 'blocks': expected a list, got the string \"abc\"");
  }

  @Test
  void duplicateKeysAliasesAndDeepNestingAreRefusedWithTheirLine() throws Exception {
    Path f = config("name: x\ntraining:\n  epochs: 2\n  epochs: 3\n");
    refused(dsdl("validate", f.toString()), "config file '" + f + "' at line 4: key 'epochs' appears twice in 'training'; give each key once");
    f = config("dataset: {type: tokens, tokens: &n 4, trainPerClass: *n}\n");
    refused(dsdl("validate", f.toString()), "config file '" + f + "' at line 1: YAML anchors and aliases (*n) are not supported; write the value out");
    f = config("model:\n  blocks: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    refused(dsdl("validate", f.toString()), "config file '" + f + "' at line 2: lists and mappings are nested more than 100 deep");
  }

  @Test
  void whatCannotRunIsRefusedBeforeARunDirectoryExists() throws Exception {
    String small = "dataset={type: tokens, trainPerClass: 40, testPerClass: 10, minPerClass: 40}";
    Path out = dir.resolve("run");
    refused(dsdl("run", "--out", out.toString(), "--set", small, "--set", "model={blocks: [[100000],[100000]], dense: [100000]}"),
        "the built-in experiment: model vgg-1.24m+custom has 730,001,700,005 parameters for 32x32x1 input and 5 classes"
            + " (fc1 alone has 640,000,100,000); a run may have at most 100,000,000: use a smaller model (dsdl describe vgg lists its parameters)");
    assertThat(out).doesNotExist();
    refused(dsdl("run", "--out", out.toString(), "--set", small, "--set", "training.batchSize=512"),
        "the built-in experiment: training.batchSize 512 is larger than the training split of dataset 'tokens' (200 exemplars);"
            + " use at most 200");
    assertThat(out).doesNotExist();
    refused(dsdl("validate", "--set", small, "--set", "model.preset=vgg-tiny", "--set", "probes=[{type: cka, layers: [nope]}]"),
        "the built-in experiment: probes[0] (cka) asks for layer 'nope', which the model does not have; its layers are"
            + " [block1_conv1, block1_pool, block2_conv1, block2_pool, fc1, logits]");
    long t0 = System.nanoTime();
    Launcher.Result epochs = dsdl("validate", "--set", small, "--set", "training.epochs=2000000000");
    assertThat(epochs.code()).isEqualTo(2);
    assertThat(epochs.err()).contains("training.epochs must be at most 10000").doesNotContain("\tat ");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(60);
  }

  @Test
  void anImageClaimingFortyThousandSquaredPixelsIsRefusedFromItsHeader() throws Exception {
    Path data = dir.resolve("images");
    for (String c : List.of("a", "b")) {
      Files.createDirectories(data.resolve(c));
      for (int k = 0; k < 2; k++) {
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", data.resolve(c + "/" + k + ".png").toFile());
      }
    }
    Path huge = data.resolve("b/huge.png");
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", huge.toFile());
    byte[] b = Files.readAllBytes(huge); // IHDR: width at 16, height at 20, CRC of type and data at 29
    ByteBuffer.wrap(b).putInt(16, 40_000).putInt(20, 40_000);
    CRC32 crc = new CRC32();
    crc.update(b, 12, 17);
    ByteBuffer.wrap(b).putInt(29, (int) crc.getValue());
    Files.write(huge, b);
    refused(dsdl("validate", "--set", "dataset={type: folder, directory: '" + data + "', minPerClass: 1, testFraction: 0.5}"),
        "dataset 'folder': image " + huge + " is 40,000 x 40,000 = 1,600,000,000 pixels; the folder dataset reads images of at most"
            + " 16,777,216 pixels (16 megapixels): shrink it first");
  }
}
