package org.dsdl.api.run;

import java.util.List;
import org.dsdl.api.model.LayerInfo;

/**
 * The facts of a run that visualizers need, read back from {@code run.json}.
 *
 * @param name the experiment's name
 * @param seed the master seed
 * @param status where the run stands
 * @param classNames class names, index = label
 * @param layers the model's layers
 * @param parameterCount trainable parameters
 * @param checkpoints the checkpoints measured so far, in order
 * @param dsdlVersion the dsdl version that wrote the run
 */
public record RunInfo(
    String name,
    long seed,
    RunStatus status,
    List<String> classNames,
    List<LayerInfo> layers,
    long parameterCount,
    List<Checkpoint> checkpoints,
    String dsdlVersion) {
  /** Copies the lists. */
  public RunInfo {
    classNames = List.copyOf(classNames);
    layers = List.copyOf(layers);
    checkpoints = List.copyOf(checkpoints);
  }
}
