package org.dsdl.api.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dsdl.api.model.LayerInfo;

/**
 * What a probe is told when it is created.
 *
 * @param name the name its measurements are recorded under (the plugin name unless the config renames it)
 * @param classNames class names, index = label
 * @param layers every layer of the model, in order
 * @param seed a seed for the probe's own random choices (bootstraps, folds)
 * @param workDir see {@link #workDirectory()}; {@code null} outside a run
 * @param checkpointSteps the training steps at which the run will measure, in order (the same on a
 *     resume); empty when the schedule is not known (unit tests, {@code dsdl bench})
 */
public record ProbeContext(String name, List<String> classNames, List<LayerInfo> layers, long seed, Path workDir,
    List<Long> checkpointSteps) {
  /** Copies the lists. */
  public ProbeContext {
    classNames = List.copyOf(classNames);
    layers = List.copyOf(layers);
    checkpointSteps = checkpointSteps == null ? List.of() : List.copyOf(checkpointSteps);
  }

  /** A context whose checkpoint schedule is not known. */
  public ProbeContext(String name, List<String> classNames, List<LayerInfo> layers, long seed, Path workDir) {
    this(name, classNames, layers, seed, workDir, List.of());
  }

  /**
   * Whether {@code checkpoint} is one of the run's ends, the first or the last, where a probe may
   * afford work it skips in between (e.g. permutation nulls). When the schedule is not known,
   * every checkpoint counts as an end.
   */
  public boolean atEnd(org.dsdl.api.run.Checkpoint checkpoint) {
    return checkpointSteps.isEmpty() || checkpoint.index() == 0 || checkpoint.index() >= checkpointSteps.size() - 1;
  }

  /** A context without a work directory, as in unit tests and benchmarks. */
  public ProbeContext(String name, List<String> classNames, List<LayerInfo> layers, long seed) {
    this(name, classNames, layers, seed, null, List.of());
  }

  /**
   * A folder of the run directory that belongs to this probe and survives a resume, for data
   * too large to hand over through {@link Probe#saveState} (e.g. activations kept for
   * {@link Probe#finish}). It may not exist yet: create it when first needed. Empty outside a
   * run (unit tests, {@code dsdl bench}), where a probe keeps such data in memory.
   *
   * <p>Write each file once (e.g. one per checkpoint) and never change or delete it: dsdl
   * checksums the folder at every state save and refuses to resume from a changed file, and a
   * run killed during {@link Probe#finish} is resumed from these files. dsdl deletes the folder
   * itself once the run has completed.
   */
  public Optional<Path> workDirectory() {
    return Optional.ofNullable(workDir);
  }
}
