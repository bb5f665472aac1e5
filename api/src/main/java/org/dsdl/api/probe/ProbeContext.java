package org.dsdl.api.probe;

import java.util.List;
import org.dsdl.api.model.LayerInfo;

/**
 * What a probe is told when it is created.
 *
 * @param name the name its measurements are recorded under (the plugin name unless the config renames it)
 * @param classNames class names, index = label
 * @param layers every layer of the model, in order
 * @param seed a seed for the probe's own random choices (bootstraps, folds)
 */
public record ProbeContext(String name, List<String> classNames, List<LayerInfo> layers, long seed) {
  /** Copies the lists. */
  public ProbeContext {
    classNames = List.copyOf(classNames);
    layers = List.copyOf(layers);
  }
}
