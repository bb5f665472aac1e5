package org.dsdl.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetContext;
import org.dsdl.api.data.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxDatasetProviderTest {
  @TempDir
  Path dir;
  private final IdxDatasetProvider provider = new IdxDatasetProvider();

  private IdxParameters params(List<String> names, List<String> classes, int train, int test, int min, int size, double mean, double std) {
    return new IdxParameters(dir.toString(), "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte", names, classes, train, test, min, size, mean, std);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsPlainAndGzippedFilesScaledToTheUnitRange(boolean gzip) throws Exception {
    IdxFixtures.dataset(dir, 3, 6, 2, gzip);
    String ext = gzip ? ".gz" : "";
    IdxParameters p = new IdxParameters(dir.toString(), "train-images-idx3-ubyte" + ext, "train-labels-idx1-ubyte" + ext,
        "t10k-images-idx3-ubyte" + ext, "t10k-labels-idx1-ubyte" + ext, List.of(), List.of(), 0, 0, 6, 0, 0, 1);
    Dataset d = provider.load(p, new DatasetContext(1));
    assertThat(d.classNames()).containsExactly("0", "1", "2");
    assertThat(d.shape().toString()).isEqualTo("4x4x1");
    assertThat(d.train().size()).isEqualTo(18);
    assertThat(d.test().size()).isEqualTo(6);
    // exemplar with file index 4 (label 4 % 3 = 1): pixel p = (4*7 + p) / 255
    int k = indexOfId(d.train().ids(), 4);
    assertThat(d.train().labels()[k]).isEqualTo(1);
    assertThat(d.train().images()[k * 16 + 5]).isCloseTo((4 * 7 + 5) / 255f, within(1e-7f));
    assertThat(d.test().ids()[0]).isEqualTo(IdxDatasetProvider.TEST_ID_OFFSET);
  }

  private static int indexOfId(long[] ids, long id) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    throw new AssertionError("no id " + id);
  }

  @Test
  void choosesClassesByNameOrIndexInTheGivenOrderWithBalancedSeededSubsets() throws Exception {
    IdxFixtures.dataset(dir, 4, 10, 4, false);
    IdxParameters p = params(List.of("a", "b", "c", "d"), List.of("c", "0"), 5, 2, 5, 0, 0, 1);
    Dataset d = provider.load(p, new DatasetContext(3));
    assertThat(d.classNames()).containsExactly("c", "a");
    assertThat(d.train().countsPerClass(2)).containsExactly(5, 5);
    assertThat(d.test().countsPerClass(2)).containsExactly(2, 2);
    for (int i = 0; i < d.train().size(); i++) {
      long fileIndex = d.train().ids()[i];
      int sourceLabel = (int) (fileIndex % 4);
      assertThat(d.train().labels()[i]).isEqualTo(sourceLabel == 2 ? 0 : 1);
    }
    assertThat(provider.load(p, new DatasetContext(3)).train()).isEqualTo(d.train());
    assertThat(provider.load(p, new DatasetContext(4)).train().ids()).isNotEqualTo(d.train().ids());
  }

  @Test
  void resizesAndNormalisesAsConfigured() throws Exception {
    IdxFixtures.dataset(dir, 2, 3, 1, false);
    Dataset d = provider.load(params(List.of(), List.of(), 0, 0, 3, 8, 0.5, 0.25), new DatasetContext(1));
    assertThat(d.shape().toString()).isEqualTo("8x8x1");
    // output (0,0) maps to source (0,0) exactly under half-pixel centres: (value - 0.5) / 0.25
    int k = indexOfId(d.train().ids(), 0);
    assertThat(d.train().images()[k * 64]).isCloseTo((0 / 255f - 0.5f) / 0.25f, within(1e-6f));
  }

  @Test
  void aClassWithTooFewExemplarsIsNamedWithItsCount() throws Exception {
    IdxFixtures.dataset(dir, 3, 6, 2, false);
    assertThatThrownBy(() -> provider.load(params(List.of("x", "y", "z"), List.of(), 0, 0, 500, 0, 0, 1), new DatasetContext(1)))
        .isInstanceOf(DatasetException.class).hasMessageContaining("class 'x' has 6 training exemplars; at least 500 are needed");
    assertThatThrownBy(() -> provider.load(params(List.of(), List.of(), 0, 3, 6, 0, 0, 1), new DatasetContext(1)))
        .hasMessageContaining("has 2 held-out exemplars; 3 were asked for (testPerClass)");
    assertThatThrownBy(() -> provider.load(params(List.of(), List.of("7"), 0, 0, 6, 0, 0, 1), new DatasetContext(1)))
        .hasMessageContaining("unknown class '7'");
  }

  @Test
  void badFilesAreRefusedNamingTheFile() throws Exception {
    IdxFixtures.dataset(dir, 2, 3, 1, false);
    Path images = dir.resolve("train-images-idx3-ubyte");
    byte[] full = Files.readAllBytes(images);
    Files.write(images, java.util.Arrays.copyOf(full, full.length - 5));
    assertThatThrownBy(() -> provider.load(params(List.of(), List.of(), 0, 0, 3, 0, 0, 1), new DatasetContext(1)))
        .hasMessageContaining(images.toString()).hasMessageContaining("is truncated").hasMessageContaining("[6, 4, 4] = 96 values, but only 91");

    IdxFixtures.write(images, 0x0903, new int[] {6, 4, 4}, IdxFixtures.images(6, 4, 4), false);
    assertThatThrownBy(() -> provider.load(params(List.of(), List.of(), 0, 0, 3, 0, 0, 1), new DatasetContext(1)))
        .hasMessageContaining("magic number 0x00000903; expected 0x00000803");

    IdxFixtures.write(images, 0x0803, new int[] {5, 4, 4}, IdxFixtures.images(5, 4, 4), false);
    assertThatThrownBy(() -> provider.load(params(List.of(), List.of(), 0, 0, 2, 0, 0, 1), new DatasetContext(1)))
        .hasMessageContaining("holds 5 images but").hasMessageContaining("holds 6 labels");

    IdxFixtures.dataset(dir, 3, 3, 1, false);
    assertThatThrownBy(() -> provider.load(params(List.of("a", "b"), List.of(), 0, 0, 3, 0, 0, 1), new DatasetContext(1)))
        .hasMessage("label 2 of exemplar 2 (counting from 0) in " + dir.resolve("train-labels-idx1-ubyte")
            + " is beyond the 2 named classes (classNames names labels 0..1)");

    Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
    assertThatThrownBy(() -> provider.load(params(List.of(), List.of(), 0, 0, 3, 0, 0, 1), new DatasetContext(1)))
        .hasMessageContaining("t10k-labels-idx1-ubyte does not exist");
  }

  @Test
  void aLabelBeyondTheNamedClassesIsNamedWithItsExemplarAndFile() throws Exception {
    IdxFixtures.dataset(dir, 3, 3, 1, false);
    byte[] labels = IdxFixtures.labels(9, 2); // training labels 0 and 1 only
    labels[7] = 12;
    IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte"), 0x0801, new int[] {9}, labels, false);
    IdxFixtures.write(dir.resolve("t10k-labels-idx1-ubyte"), 0x0801, new int[] {3}, IdxFixtures.labels(3, 2), false);
    assertThatThrownBy(() -> provider.load(params(List.of("a", "b"), List.of(), 0, 0, 1, 0, 0, 1), new DatasetContext(1)))
        .isInstanceOf(DatasetException.class)
        .hasMessage("label 12 of exemplar 7 (counting from 0) in " + dir.resolve("train-labels-idx1-ubyte")
            + " is beyond the 2 named classes (classNames names labels 0..1)");
  }
}
