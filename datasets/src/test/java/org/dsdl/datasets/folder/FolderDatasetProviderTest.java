package org.dsdl.datasets.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDatasetProviderTest {
  @TempDir
  Path dir;
  private final FolderDatasetProvider provider = new FolderDatasetProvider();

  private static void image(Path file, Color color, int size, String format) throws Exception {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, size, size);
    g.dispose();
    ImageIO.write(img, format, file.toFile());
  }

  private void classes(Path root, int perClass) throws Exception {
    for (int k = 0; k < perClass; k++) {
      image(root.resolve("red/r" + k + ".png"), Color.RED, 10, "png");
      image(root.resolve("blue/b" + k + ".bmp"), Color.BLUE, 12, "bmp");
    }
    Files.writeString(root.resolve("red/notes.txt"), "not an image, ignored");
  }

  private FolderParameters params(String color, int min, int size) {
    return new FolderParameters(dir.toString(), color, 0.25, List.of(), 0, 0, min, size, 0, 1);
  }

  @Test
  void readsClassFoldersSplitsThemAndResizes() throws Exception {
    classes(dir, 8);
    Dataset d = provider.load(params("rgb", 6, 4), new DatasetContext(1));
    assertThat(d.classNames()).containsExactly("blue", "red");
    assertThat(d.shape().toString()).isEqualTo("4x4x3");
    assertThat(d.train().countsPerClass(2)).containsExactly(6, 6);
    assertThat(d.test().countsPerClass(2)).containsExactly(2, 2);
    int red = 0;
    while (d.train().labels()[red] != 1) {
      red++;
    }
    assertThat(d.train().images()[red * 48]).isEqualTo(1f);
    assertThat(d.train().images()[red * 48 + 2]).isEqualTo(0f);
    Dataset gray = provider.load(params("gray", 6, 4), new DatasetContext(1));
    assertThat(gray.train().images()[red * 16]).isCloseTo(0.299f, within(1e-6f));
    assertThat(provider.load(params("gray", 6, 4), new DatasetContext(1)).train()).isEqualTo(gray.train());
  }

  @Test
  void usesTrainAndTestFoldersWhenBothExist() throws Exception {
    classes(dir.resolve("train"), 5);
    classes(dir.resolve("test"), 2);
    Dataset d = provider.load(params("gray", 5, 8), new DatasetContext(1));
    assertThat(d.train().countsPerClass(2)).containsExactly(5, 5);
    assertThat(d.test().countsPerClass(2)).containsExactly(2, 2);
    assertThat(d.test().ids()[0]).isEqualTo(1_000_000_000_000L);
  }

  @Test
  void aCorruptImageIsNamedAndTooFewExemplarsAreCounted() throws Exception {
    classes(dir, 8);
    assertThatThrownBy(() -> provider.load(params("gray", 500, 4), new DatasetContext(1)))
        .hasMessageContaining("class 'blue' has 6 training exemplars; at least 500 are needed");
    Path bad = dir.resolve("red/broken.png");
    Files.write(bad, new byte[] {1, 2, 3, 4});
    assertThatThrownBy(() -> provider.load(params("gray", 6, 4), new DatasetContext(1)))
        .hasMessageContaining("cannot read image " + bad);
    assertThatThrownBy(() -> provider.load(new FolderParameters(dir.resolve("nope").toString(), "gray", 0.25, List.of(), 0, 0, 1, 8, 0, 1),
        new DatasetContext(1))).hasMessageContaining("does not exist");
  }

  @Test
  void anImageWhoseHeaderClaimsTooManyPixelsIsRefusedBeforeDecoding() throws Exception {
    classes(dir, 8);
    Path huge = dir.resolve("red/huge.png");
    image(huge, Color.RED, 1, "png");
    claimSize(huge, 40_000, 40_000);
    assertThatThrownBy(() -> provider.load(params("gray", 6, 4), new DatasetContext(1)))
        .isInstanceOf(org.dsdl.api.data.DatasetException.class)
        .hasMessage("image " + huge + " is 40,000 x 40,000 = 1,600,000,000 pixels; the folder dataset reads images of at most"
            + " 16,777,216 pixels (16 megapixels): shrink it first");
    claimSize(huge, 4096, 4097);
    assertThatThrownBy(() -> provider.load(params("gray", 6, 4), new DatasetContext(1))).hasMessageContaining("4,096 x 4,097");
  }

  /** Rewrites a PNG's header (IHDR width and height, and its CRC) to claim another size; the pixel data stays tiny. */
  private static void claimSize(Path png, int width, int height) throws Exception {
    byte[] b = Files.readAllBytes(png);
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
    assertThat(new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("IHDR");
    buf.putInt(16, width).putInt(20, height);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b, 12, 4 + 13);
    buf.putInt(29, (int) crc.getValue());
    Files.write(png, b);
  }
}
