package org.dsdl.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneDnnTest {
  @Test
  void readsTheVariableAsTensorFlowDoes() {
    assertThat(OneDnn.enabled("1")).isTrue();
    assertThat(OneDnn.enabled("true")).isTrue();
    assertThat(OneDnn.enabled("TRUE")).isTrue();
    assertThat(OneDnn.enabled("0")).isFalse();
    assertThat(OneDnn.enabled("false")).isFalse();
    assertThat(OneDnn.enabled("yes")).as("a value TensorFlow cannot read keeps its default, off").isFalse();
    assertThat(OneDnn.enabled("")).isFalse();
    assertThat(OneDnn.enabled(null)).as("unset: off in this build of TensorFlow").isFalse();
  }

  @Test
  void theEngineVersionSaysWhetherThisProcessRunsOneDnn() {
    String version = new TensorFlowEngine(TensorFlowParameters.defaults()).version();
    boolean on = OneDnn.enabled(System.getenv(OneDnn.VARIABLE));
    assertThat(version).startsWith("tensorflow-java 1.1.0 (native ").endsWith(on ? ", oneDNN on)" : ", oneDNN off)");
  }

  @Test
  void theBuildRunsTheTestsWithOneDnnAsTheLauncherDoes() {
    // surefire and failsafe set TF_ENABLE_ONEDNN_OPTS to the build property tf.onednn (1 unless -Dtf.onednn=0), as ./dsdl sets 1
    assertThat(System.getProperty("tf.onednn")).as("the build passes tf.onednn to the tests").isNotNull();
    assertThat(System.getenv(OneDnn.VARIABLE)).isEqualTo(System.getProperty("tf.onednn"));
  }
}
