package org.dsdl.probes.graph;

import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.model.LayerKind;

/** The layers of a coupling graph, each the next weighted layer after the one before it (pools in between are transparent). */
final class Chain {
  private Chain() {}

  /**
   * The configured layers in network order, refused unless consecutive; or, by default, the leading
   * convolutions: every convolution up to the first layer of another kind but pooling (a dense layer,
   * or an add or global pooling of a residual network, whose later convolutions do not read the one
   * listed before them).
   */
  static List<String> of(List<String> configured, List<LayerInfo> model) {
    List<LayerInfo> weighted = model.stream().filter(l -> l.kind() != LayerKind.POOL).toList();
    List<String> names = weighted.stream().map(LayerInfo::name).toList();
    for (String c : configured) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException("layers: the model has no layer '" + c + "' with units (it has " + names + ")");
      }
    }
    List<String> chain = new ArrayList<>();
    for (LayerInfo l : weighted) {
      if (configured.isEmpty() && l.kind() != LayerKind.CONV && !chain.isEmpty()) {
        break;
      }
      if (configured.isEmpty() ? l.kind() == LayerKind.CONV : configured.contains(l.name())) {
        chain.add(l.name());
      }
    }
    for (int i = 1; i < chain.size(); i++) {
      int a = names.indexOf(chain.get(i - 1));
      int b = names.indexOf(chain.get(i));
      if (b != a + 1) {
        throw new IllegalArgumentException("layers: " + chain.get(i - 1) + " and " + chain.get(i) + " are not consecutive"
            + " (between them: " + names.subList(a + 1, b) + "); a coupling graph joins each layer to the next");
      }
    }
    if (chain.size() < 2) {
      throw new IllegalArgumentException("layers: a coupling graph needs at least two consecutive layers, got " + chain);
    }
    return chain;
  }
}
