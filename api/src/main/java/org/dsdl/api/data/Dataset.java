package org.dsdl.api.data;

import java.util.List;
import java.util.Map;

/**
 * A dense-sample dataset: a few named classes with many exemplars each, split into training and
 * held-out exemplars, all held in memory.
 *
 * <p>A streaming implementation for data larger than memory is out of scope today; it would add a
 * sibling type that hands out batches, leaving this in-memory form for the probe set.
 *
 * @param name the dataset plugin that produced it (for the run manifest)
 * @param classNames the class names, index = label
 * @param shape the shape of every image
 * @param train the training split
 * @param test the held-out split (the probe set is drawn from it)
 * @param provenance facts worth recording in {@code run.json} (generator settings, file paths…);
 *     kept sorted by key, so {@code run.json} lists them in the same order in every JVM
 */
public record Dataset(
    String name,
    List<String> classNames,
    ImageShape shape,
    Split train,
    Split test,
    Map<String, Object> provenance) {

  /** Validates labels against the class list and copies the collections (the provenance sorted by key, no nulls). */
  public Dataset {
    classNames = List.copyOf(classNames);
    java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
    provenance.forEach((k, v) -> sorted.put(java.util.Objects.requireNonNull(k, "provenance key"),
        java.util.Objects.requireNonNull(v, () -> "provenance value of " + k)));
    provenance = java.util.Collections.unmodifiableMap(sorted);
    for (Split s : List.of(train, test)) {
      if (!s.shape().equals(shape)) {
        throw new IllegalArgumentException("split shape " + s.shape() + " differs from " + shape);
      }
      for (int label : s.labels()) {
        if (label < 0 || label >= classNames.size()) {
          throw new IllegalArgumentException(
              "label " + label + " out of range 0.." + (classNames.size() - 1));
        }
      }
    }
  }

  /** Number of classes. */
  public int classes() {
    return classNames.size();
  }
}
