package org.dsdl.datasets.select;

import java.util.List;

/**
 * The dense-sample choices every file-based dataset offers: which categories, how many exemplars
 * of each, the minimum a class must have, the image size and the normalisation.
 *
 * @param classes class names or indices to keep, relabelled 0..C-1 in this order; empty keeps all
 * @param trainPerClass training exemplars per class (a seeded, balanced subset); 0 takes all
 * @param testPerClass held-out exemplars per class; 0 takes all
 * @param minPerClass the fewest training exemplars a class may have (the dense-sample norm is 500)
 * @param size resize images to size × size (bilinear); 0 keeps their size
 * @param mean subtracted from every pixel after scaling to [0, 1]
 * @param std every pixel is divided by it after subtracting the mean
 */
public record Selection(List<String> classes, int trainPerClass, int testPerClass, int minPerClass, int size, double mean, double std) {
  /** Validates, naming the field. */
  public Selection {
    classes = classes == null ? List.of() : List.copyOf(classes);
    if (trainPerClass < 0 || testPerClass < 0) {
      throw new IllegalArgumentException("trainPerClass and testPerClass must be >= 0 (0 = all)");
    }
    if (minPerClass < 1) {
      throw new IllegalArgumentException("minPerClass must be >= 1, got " + minPerClass);
    }
    if (trainPerClass > 0 && trainPerClass < minPerClass) {
      throw new IllegalArgumentException("trainPerClass is " + trainPerClass + " but minPerClass is " + minPerClass
          + ": a dense-sample task needs at least " + minPerClass + " training exemplars per class (lower minPerClass explicitly to allow fewer)");
    }
    if (size < 0 || size > 1024) {
      throw new IllegalArgumentException("size must be between 0 (keep) and 1024, got " + size);
    }
    if (!(std > 0) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException("std must be > 0 and mean finite, got mean " + mean + ", std " + std);
    }
  }
}
