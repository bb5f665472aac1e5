package org.dsdl.api.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dsdl.api.data.ImageShape;

/**
 * What a run trained and probed on, as recorded in {@code run.json}; the class names are
 * {@link RunInfo#classNames()}.
 *
 * @param plugin the dataset plugin's name
 * @param shape the images' shape
 * @param trainPerClass training exemplars per class, index = label
 * @param testPerClass held-out exemplars per class, index = label
 * @param probeSetSize exemplars in the probe set
 * @param trainIdsSha256 SHA-256 of the training exemplars' ids, in order
 * @param testIdsSha256 SHA-256 of the held-out exemplars' ids, in order
 * @param contentSha256 SHA-256 of every pixel and label of both splits, in order
 * @param probeSetIdsSha256 SHA-256 of the probe set's ids, in order
 * @param provenance the plugin's own facts (generator settings, file paths…), in the order recorded
 */
public record DatasetSummary(String plugin, ImageShape shape, List<Integer> trainPerClass, List<Integer> testPerClass, int probeSetSize,
    String trainIdsSha256, String testIdsSha256, String contentSha256, String probeSetIdsSha256, Map<String, Object> provenance) {
  /** Requires the plugin and shape; copies the lists and the provenance (keeping its order). */
  public DatasetSummary {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(shape, "shape");
    trainPerClass = List.copyOf(trainPerClass);
    testPerClass = List.copyOf(testPerClass);
    if (probeSetSize < 0) {
      throw new IllegalArgumentException("probeSetSize must be >= 0, got " + probeSetSize);
    }
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }
}
