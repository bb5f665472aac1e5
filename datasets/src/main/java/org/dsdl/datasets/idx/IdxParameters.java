package org.dsdl.datasets.idx;

import java.util.List;
import org.dsdl.api.plugin.Param;
import org.dsdl.datasets.select.Selection;

/** Parameters of the {@code idx} dataset. File names are resolved against {@code directory} unless absolute. */
public record IdxParameters(
    @Param("folder holding the four IDX files (Debian's dataset-fashion-mnist installs them here)") String directory,
    @Param("training images, idx3-ubyte, plain or gzipped") String trainImages,
    @Param("training labels, idx1-ubyte, plain or gzipped") String trainLabels,
    @Param("held-out images, idx3-ubyte, plain or gzipped") String testImages,
    @Param("held-out labels, idx1-ubyte, plain or gzipped") String testLabels,
    @Param("a name per label value 0, 1, …; empty names classes by their label value") List<String> classNames,
    @Param("classes to keep, by name or index, relabelled 0..C-1 in this order; empty keeps all") List<String> classes,
    @Param("training exemplars per class (seeded, balanced); 0 takes all") int trainPerClass,
    @Param("held-out exemplars per class; 0 takes all") int testPerClass,
    @Param("fewest training exemplars a class may have; the dense-sample norm is 500") int minPerClass,
    @Param("resize to size x size (bilinear); 0 keeps the files' size") int size,
    @Param("subtracted from each pixel after scaling to [0,1]") double mean,
    @Param("each pixel is divided by it after subtracting the mean") double std) {

  /** Fashion-MNIST as Debian installs it, every class, native 28×28. */
  public static IdxParameters defaults() {
    return new IdxParameters("/usr/share/datasets/fashion-mnist", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", List.of(), List.of(), 0, 0, 500, 0, 0, 1);
  }

  /** Checks the selection fields now, so a bad value is reported before anything is read. */
  public IdxParameters {
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    classes = classes == null ? List.of() : List.copyOf(classes);
    if (directory == null || trainImages == null || trainLabels == null || testImages == null || testLabels == null) {
      throw new IllegalArgumentException("directory and the four file names must be given");
    }
    selection(classes, trainPerClass, testPerClass, minPerClass, size, mean, std);
  }

  private static Selection selection(List<String> classes, int train, int test, int min, int size, double mean, double std) {
    return new Selection(classes, train, test, min, size, mean, std);
  }

  /** The dense-sample selection these parameters ask for. */
  public Selection selection() {
    return selection(classes, trainPerClass, testPerClass, minPerClass, size, mean, std);
  }
}
