package org.dsdl.probes.attribution;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;

/**
 * The layer pairs of a class attribution graph: each weighted layer (convolution, dense, logits)
 * after the first reads the one before it, through zero or more 2×2 stride-2 max-pools.
 *
 * @param layers the weighted layers, in network order
 * @param steps one per consecutive pair
 */
record Pathway(List<String> layers, List<Step> steps) {

  /**
   * One layer pair.
   *
   * @param source the weighted layer read
   * @param pools the pools between them, in order (their output is what the target reads)
   * @param target the reading layer
   * @param sourceShape the target's input shape: the last pool's output, else the source's output
   * @param targetKind the target's kind
   */
  record Step(String source, List<LayerInfo> pools, String target, List<Integer> sourceShape, LayerKind targetKind) {
    boolean spatialSource() {
      return sourceShape.size() == 3;
    }
  }

  private static boolean weighted(LayerKind k) {
    return k == LayerKind.CONV || k == LayerKind.DENSE || k == LayerKind.LOGITS;
  }

  /**
   * The configured layers (or, when none, every weighted layer) as a pathway; refuses, naming the
   * layer, what this probe cannot attribute through: a residual add or a global pooling between two
   * of them, a convolution whose stride is not 1 ('same' padding keeps its input's size), a pool
   * that does not halve its input, or layers that are not consecutive.
   */
  static Pathway of(List<String> configured, List<LayerInfo> model) {
    List<LayerInfo> weighted = model.stream().filter(l -> weighted(l.kind())).toList();
    List<String> names = weighted.stream().map(LayerInfo::name).toList();
    for (String c : configured) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException("layers: the model has no convolution, dense layer or logits named '" + c + "' (it has " + names + ")");
      }
    }
    List<String> chain = names.stream().filter(n -> configured.isEmpty() || configured.contains(n)).toList();
    if (chain.size() < 2) {
      throw new IllegalArgumentException("layers: an attribution graph needs at least two consecutive weighted layers, got " + chain);
    }
    List<String> all = model.stream().map(LayerInfo::name).toList();
    List<Step> steps = new ArrayList<>();
    for (int k = 1; k < chain.size(); k++) {
      int a = all.indexOf(chain.get(k - 1));
      int b = all.indexOf(chain.get(k));
      List<LayerInfo> pools = new ArrayList<>();
      List<Integer> shape = model.get(a).outputShape();
      for (LayerInfo between : model.subList(a + 1, b)) {
        if (weighted(between.kind())) {
          throw new IllegalArgumentException("layers: " + chain.get(k - 1) + " and " + chain.get(k) + " are not consecutive (" + between.name()
              + " is between them); an attribution graph joins each layer to the next");
        }
        if (between.kind() != LayerKind.POOL) {
          throw new IllegalStateException("class-attribution cannot attribute through layer " + between.name() + " (" + between.kind()
              + "): only convolutions, dense layers, logits and max-pools between them, without residual adds or global pooling");
        }
        List<Integer> out = between.outputShape();
        if (out.size() != 3 || shape.size() != 3 || out.get(0) != shape.get(0) / 2 || out.get(1) != shape.get(1) / 2) {
          throw new IllegalStateException("class-attribution reads pool " + between.name() + " as a 2x2 stride-2 max-pool, but it maps "
              + shape + " to " + out);
        }
        pools.add(between);
        shape = out;
      }
      LayerInfo target = model.get(b);
      if (target.kind() == LayerKind.CONV) {
        List<Integer> out = target.outputShape();
        if (shape.size() != 3 || !out.get(0).equals(shape.get(0)) || !out.get(1).equals(shape.get(1))) {
          throw new IllegalStateException("class-attribution needs stride-1 'same' convolutions, but layer " + target.name() + " maps "
              + shape + " to " + out);
        }
      }
      steps.add(new Step(chain.get(k - 1), List.copyOf(pools), chain.get(k), List.copyOf(shape), target.kind()));
    }
    return new Pathway(chain, List.copyOf(steps));
  }
}
