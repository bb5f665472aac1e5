package org.dsdl.datasets.idx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.data.Dataset;
import org.dsdl.api.data.DatasetContext;
import org.dsdl.api.data.DatasetException;
import org.dsdl.api.data.DatasetProvider;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;
import org.dsdl.datasets.select.Selector;
import org.dsdl.datasets.select.SourceData;

/**
 * Reads MNIST-format (IDX) files: MNIST, Fashion-MNIST, KMNIST and the like, without conversion.
 * Pixels are scaled to [0, 1]; exemplar ids are the index in the file (held-out ids offset by
 * 10^12), so they are stable whatever is selected.
 */
public final class IdxDatasetProvider implements DatasetProvider<IdxParameters> {
  static final long TEST_ID_OFFSET = 1_000_000_000_000L;

  @Override
  public String name() {
    return "idx";
  }

  @Override
  public String description() {
    return "MNIST-format IDX files (plain or gzipped): Fashion-MNIST, MNIST, … with class choice and balanced subsets";
  }

  @Override
  public IdxParameters defaultParameters() {
    return IdxParameters.defaults();
  }

  @Override
  public Dataset load(IdxParameters p, DatasetContext context) {
    Path dir = Path.of(p.directory());
    long t0 = System.nanoTime();
    Split train = split(dir.resolve(p.trainImages()), dir.resolve(p.trainLabels()), 0);
    Split test = split(dir.resolve(p.testImages()), dir.resolve(p.testLabels()), TEST_ID_OFFSET);
    if (!train.shape().equals(test.shape())) {
      throw new DatasetException("training images are " + train.shape() + " but held-out images are " + test.shape());
    }
    int classes = Math.max(max(train.labels()), max(test.labels())) + 1;
    List<String> names = new ArrayList<>(p.classNames());
    if (names.isEmpty()) {
      for (int i = 0; i < classes; i++) {
        names.add(Integer.toString(i));
      }
    } else if (classes > names.size()) {
      checkNamed(train.labels(), dir.resolve(p.trainLabels()), names.size());
      checkNamed(test.labels(), dir.resolve(p.testLabels()), names.size());
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("format", "idx");
    provenance.put("files", List.of(dir.resolve(p.trainImages()).toString(), dir.resolve(p.trainLabels()).toString(),
        dir.resolve(p.testImages()).toString(), dir.resolve(p.testLabels()).toString()));
    provenance.put("sourceCounts", Map.of("train", train.size(), "test", test.size()));
    provenance.put("readSeconds", (System.nanoTime() - t0) / 1e9);
    return Selector.apply(name(), new SourceData(names, train.shape(), train, test, provenance), p.selection(), context.seed());
  }

  /** Reads an image file and its label file into one split; counts must agree. */
  static Split split(Path imagesFile, Path labelsFile, long idOffset) {
    IdxFile images = IdxFile.read(imagesFile, 3);
    IdxFile labels = IdxFile.read(labelsFile, 1);
    if (images.count() != labels.count()) {
      throw new DatasetException(imagesFile + " holds " + images.count() + " images but " + labelsFile + " holds " + labels.count() + " labels");
    }
    ImageShape shape = new ImageShape(images.dims()[1], images.dims()[2], 1);
    byte[] raw = images.data();
    float[] px = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      px[i] = (raw[i] & 0xFF) / 255f;
    }
    int[] lb = new int[labels.count()];
    long[] ids = new long[labels.count()];
    for (int i = 0; i < lb.length; i++) {
      lb[i] = labels.data()[i] & 0xFF;
      ids[i] = idOffset + i;
    }
    return new Split(shape, px, lb, ids);
  }

  /** Refuses the first label with no name, naming it, its exemplar (index in the file) and the file. */
  private static void checkNamed(int[] labels, Path file, int named) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= named) {
        throw new DatasetException("label " + labels[i] + " of exemplar " + i + " (counting from 0) in " + file + " is beyond the "
            + named + " named classes (classNames names labels 0.." + (named - 1) + ")");
      }
    }
  }

  private static int max(int[] a) {
    int m = -1;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
