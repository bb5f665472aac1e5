package org.dsdl.api.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dsdl.api.model.LayerKind;
import org.dsdl.api.probe.support.TestSnapshots;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

class LayerSelectionTest {
  private static final double[][] ROWS = {{1, 2}, {3, 4}};
  private static final Snapshot SNAPSHOT = TestSnapshots.of(List.of("a", "b"), new int[] {0, 1},
      TestSnapshots.layer("conv1", LayerKind.CONV, ROWS), TestSnapshots.layer("fc1", LayerKind.DENSE, ROWS),
      TestSnapshots.layer("logits", LayerKind.LOGITS, ROWS));

  private static List<String> picked(LayerSelection selection) {
    return selection.in(SNAPSHOT).stream().map(LayerCapture::layer).map(l -> l.name()).toList();
  }

  @Test
  void picksTheSelectedLayersOutOfASnapshotInNetworkOrder() {
    assertThat(picked(LayerSelection.allLayers())).containsExactly("conv1", "fc1", "logits");
    assertThat(picked(LayerSelection.of(List.of("logits", "conv1")))).containsExactly("conv1", "logits");
    assertThat(picked(LayerSelection.of(List.of("fc1", "conv9")))).as("a layer not captured is not there").containsExactly("fc1");
    assertThat(picked(LayerSelection.none())).isEmpty();
  }

  @Test
  void ofOrAllReadsAnEmptyListAsEveryLayer() {
    assertThat(LayerSelection.ofOrAll(List.of())).isEqualTo(LayerSelection.allLayers());
    assertThat(LayerSelection.ofOrAll(List.of("fc1"))).isEqualTo(LayerSelection.of(List.of("fc1")));
    assertThat(picked(LayerSelection.ofOrAll(List.of()))).containsExactly("conv1", "fc1", "logits");
  }
}
