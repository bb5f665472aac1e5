package org.dsdl.api.snapshot;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.dsdl.api.run.Checkpoint;

/**
 * Everything probes may look at for one checkpoint: the probe set's labels and ids, its
 * activations per captured layer, the layers' weights, the logits, and evaluations on held-out and
 * training exemplars.
 *
 * <p>A snapshot lives only while the probes of one checkpoint run; probes must copy anything they
 * keep for {@code finish()}. Arrays are shared: never modify them. Probes of one checkpoint run one
 * after another, each on its own thread.
 *
 * @param checkpoint when it was taken
 * @param classNames class names, index = label
 * @param labels the probe set's labels
 * @param ids the probe set's stable exemplar ids
 * @param logits the probe set's logits {@code [exemplars × classes]}
 * @param layers captured layers by name, in network order
 * @param evaluations evaluations by split name ({@code "train"}, {@code "test"})
 */
public record Snapshot(
    Checkpoint checkpoint,
    List<String> classNames,
    int[] labels,
    long[] ids,
    FloatMatrix logits,
    Map<String, LayerCapture> layers,
    Map<String, Evaluation> evaluations) {

  /** Copies the collections, keeping layer order. */
  public Snapshot {
    classNames = List.copyOf(classNames);
    layers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(layers));
    evaluations = Map.copyOf(evaluations);
  }

  /** Number of probe-set exemplars. */
  public int size() {
    return labels.length;
  }

  /** Number of classes. */
  public int classes() {
    return classNames.size();
  }

  /** The captured layer of that name; throws naming the captured layers if it is absent. */
  public LayerCapture layer(String name) {
    LayerCapture c = layers.get(name);
    if (c == null) {
      throw new NoSuchElementException("layer '" + name + "' was not captured; captured: " + layers.keySet());
    }
    return c;
  }

  /** The evaluation on that split, if the trainer made one. */
  public Optional<Evaluation> evaluation(String split) {
    return Optional.ofNullable(evaluations.get(split));
  }
}
