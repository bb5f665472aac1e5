package org.dsdl.datasets.folder;

import java.util.List;
import org.dsdl.api.plugin.Param;
import org.dsdl.datasets.select.Selection;

/** Parameters of the {@code folder} dataset. */
public record FolderParameters(
    @Param("folder with one sub-folder of images per class, or with train/ and test/ folders that each hold those") String directory,
    @Param("gray (luminance) or rgb") String color,
    @Param("fraction of each class held out, when there are no train/ and test/ folders (seeded, stratified)") double testFraction,
    @Param("classes to keep, by folder name or index (sorted order), relabelled 0..C-1 in this order; empty keeps all") List<String> classes,
    @Param("training exemplars per class (seeded, balanced); 0 takes all") int trainPerClass,
    @Param("held-out exemplars per class; 0 takes all") int testPerClass,
    @Param("fewest training exemplars a class may have; the dense-sample norm is 500") int minPerClass,
    @Param("every image is resized to size x size (bilinear)") int size,
    @Param("subtracted from each pixel after scaling to [0,1]") double mean,
    @Param("each pixel is divided by it after subtracting the mean") double std) {

  /** No directory yet (it must be given), grayscale, 20% held out, 32×32. */
  public static FolderParameters defaults() {
    return new FolderParameters("", "gray", 0.2, List.of(), 0, 0, 500, 32, 0, 1);
  }

  /** Validates, naming the field. */
  public FolderParameters {
    classes = classes == null ? List.of() : List.copyOf(classes);
    if (!"gray".equals(color) && !"rgb".equals(color)) {
      throw new IllegalArgumentException("color must be gray or rgb, got '" + color + "'");
    }
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
    }
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1 for folder images (they may differ in size), got " + size);
    }
    new Selection(classes, trainPerClass, testPerClass, minPerClass, size, mean, std);
  }

  /** The dense-sample selection these parameters ask for. */
  public Selection selection() {
    return new Selection(classes, trainPerClass, testPerClass, minPerClass, size, mean, std);
  }
}
