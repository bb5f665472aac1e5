package org.dsdl.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {
  /**
   * Three exemplars, three classes; by hand: [0,0,0] label 2 → ln 3 = 1.098612, predicted 0 (first
   * of a tie); [1,2,4] label 2 → ln(e⁻³+e⁻²+1) = 0.169846, predicted 2; [3,−1,0] label 1 →
   * 4 + ln(1+e⁻⁴+e⁻³) = 4.065884, predicted 0. Mean loss 1.778114, accuracy 1/3.
   */
  @Test
  void lossIsTheMeanCrossEntropyAndPredictionsTheArgmax() {
    FloatMatrix logits = new FloatMatrix(3, 3, new float[] {0, 0, 0, 1, 2, 4, 3, -1, 0});
    Evaluation e = Evaluation.ofLogits("test", logits, new int[] {2, 2, 1});
    assertThat(e.split()).isEqualTo("test");
    assertThat(e.loss()).isCloseTo(1.778114, within(1e-6));
    assertThat(e.predicted()).containsExactly(0, 2, 0);
    assertThat(e.labels()).containsExactly(2, 2, 1);
    assertThat(e.accuracy()).isCloseTo(1 / 3.0, within(1e-12));
  }

  @Test
  void largeLogitsDoNotOverflow() {
    // exp(1000) overflows a double: the row's maximum is subtracted first, so the loss is ln 2
    Evaluation e = Evaluation.ofLogits("train", new FloatMatrix(1, 2, new float[] {1000, 1000}), new int[] {1});
    assertThat(e.loss()).isCloseTo(Math.log(2), within(1e-12));
  }

  @Test
  void noExemplarsHaveLossZero() {
    Evaluation e = Evaluation.ofLogits("test", new FloatMatrix(0, 5, new float[0]), new int[0]);
    assertThat(e.loss()).isZero();
    assertThat(e.accuracy()).isZero();
  }

  @Test
  void refusesRowsAndLabelsThatDisagreeAndLabelsOutOfRange() {
    FloatMatrix two = new FloatMatrix(2, 2, new float[4]);
    assertThatThrownBy(() -> Evaluation.ofLogits("test", two, new int[] {0})).hasMessageContaining("2 rows of logits but 1 labels");
    assertThatThrownBy(() -> Evaluation.ofLogits("test", two, new int[] {0, 2})).hasMessageContaining("label 2 of exemplar 1");
  }
}
