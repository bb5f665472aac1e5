package org.dsdl.api.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.dsdl.api.run.Checkpoint;

/**
 * Everything probes may look at for one checkpoint: the probe set's labels and ids, its
 * activations per captured layer, the layers' weights, the logits, and evaluations on held-out and
 * training exemplars; and the values probes derive from them and share ({@link #shared}).
 *
 * <p>A snapshot lives only while the probes of one checkpoint run; probes must copy anything they
 * keep for {@code finish()}. Arrays are shared: never modify them. Probes of one checkpoint run one
 * after another, each on its own thread.
 *
 * <p>Not a record: besides its data a snapshot owns the cache of {@link #shared} values, which
 * lives and dies with it. Two snapshots are equal only if they are the same object.
 */
public final class Snapshot {
  private final Checkpoint checkpoint;
  private final List<String> classNames;
  private final int[] labels;
  private final long[] ids;
  private final FloatMatrix logits;
  private final Map<String, LayerCapture> layers;
  private final Map<String, Evaluation> evaluations;
  private final SharedValues shared = new SharedValues();

  /**
   * A snapshot of one checkpoint; copies the collections, keeping layer order.
   *
   * @param checkpoint when it was taken
   * @param classNames class names, index = label
   * @param labels the probe set's labels
   * @param ids the probe set's stable exemplar ids
   * @param logits the probe set's logits {@code [exemplars × classes]}
   * @param layers captured layers by name, in network order
   * @param evaluations evaluations by split name ({@code "train"}, {@code "test"})
   */
  public Snapshot(Checkpoint checkpoint, List<String> classNames, int[] labels, long[] ids, FloatMatrix logits,
      Map<String, LayerCapture> layers, Map<String, Evaluation> evaluations) {
    this.checkpoint = checkpoint;
    this.classNames = List.copyOf(classNames);
    this.labels = labels;
    this.ids = ids;
    this.logits = logits;
    this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    this.evaluations = Map.copyOf(evaluations);
  }

  /** When it was taken. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  /** Class names, index = label. */
  public List<String> classNames() {
    return classNames;
  }

  /** The probe set's labels (shared: never modify). */
  public int[] labels() {
    return labels;
  }

  /** The probe set's stable exemplar ids (shared: never modify). */
  public long[] ids() {
    return ids;
  }

  /** The probe set's logits {@code [exemplars × classes]}. */
  public FloatMatrix logits() {
    return logits;
  }

  /** Captured layers by name, in network order. */
  public Map<String, LayerCapture> layers() {
    return layers;
  }

  /** Evaluations by split name ({@code "train"}, {@code "test"}). */
  public Map<String, Evaluation> evaluations() {
    return evaluations;
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

  /**
   * A value derived from this snapshot and shared by every probe of its checkpoint, e.g. a layer's
   * class means ({@link org.dsdl.api.probe.support.LayerStatistics#of}): the first call with
   * {@code key} computes it, and every later call with an equal key, from any probe and any thread,
   * gets the same object; calls that arrive while it is computed wait for it. The value is dropped
   * with the snapshot, after the checkpoint. It is shared, so never modify it.
   *
   * <p>Keys are compared with {@code equals}: make each one a record of your own naming what is
   * computed from what (e.g. {@code record ClassMeansKey(String layer)}), so that no other
   * probe's key can be equal to it by accident. A computation that throws caches nothing: the next
   * call tries again. A computation may ask for other shared values, not for its own.
   *
   * @param key what the value is; not null
   * @param type the value's type, checked against what is stored under {@code key}
   * @param compute computes the value, once; must not return null
   * @throws IllegalStateException if {@code key} holds a value of another type, if {@code compute}
   *     returns null, or if it asks for {@code key} itself
   */
  public <T> T shared(Object key, Class<T> type, Supplier<? extends T> compute) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(compute, "compute");
    Object value = shared.get(key, compute);
    if (!type.isInstance(value)) {
      throw new IllegalStateException("the shared value " + key + " is a " + value.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(value);
  }

  /** The checkpoint and the captured layers, for messages. */
  @Override
  public String toString() {
    return "Snapshot[checkpoint=" + checkpoint + ", exemplars=" + labels.length + ", layers=" + layers.keySet() + "]";
  }
}
