package org.dsdl.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dsdl.api.data.ImageShape;
import org.junit.jupiter.api.Test;

/** Parameter counts of absurd specs are exact while they fit a long and saturate beyond, never wrap. */
class ModelSpecSizeTest {
  @Test
  void aHugeButCountableModelIsCountedExactly() {
    ModelSpec spec = new ModelSpec("huge", new ImageShape(32, 32, 1), 5, List.of(List.of(100_000), List.of(100_000)), List.of(100_000));
    // conv 1->1e5: 1e6 + 1e5... by the formula (9*in + 1)*out; flatten 8*8*1e5 = 6.4e6 -> 1e5; 1e5 -> 5
    long byHand = (9L * 1 + 1) * 100_000 + (9L * 100_000 + 1) * 100_000 + (6_400_000L + 1) * 100_000 + (100_000L + 1) * 5;
    assertThat(spec.parameterCount()).isEqualTo(byHand).isEqualTo(730_001_700_005L);
  }

  @Test
  void aModelTooLargeToCountSaturates() {
    ModelSpec spec = new ModelSpec("absurd", new ImageShape(2048, 2048, 1), 5, List.of(List.of(2_000_000_000, 2_000_000_000)),
        List.of(2_000_000_000));
    assertThat(spec.layers()).allSatisfy(l -> assertThat(l.parameters()).isNotNegative());
    assertThat(spec.parameterCount()).isEqualTo(Long.MAX_VALUE);
  }
}
