package org.dsdl.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

class OneDnnTest {
  @Test
  void readsTheVariableAsTensorFlowDoes() {
    assertThat(OneDnn.enabled("1")).isTrue();
    assertThat(OneDnn.enabled("true")).isTrue();
    assertThat(OneDnn.enabled("TRUE")).isTrue();
    assertThat(OneDnn.enabled("0")).isFalse();
    assertThat(OneDnn.enabled("false")).isFalse();
    assertThat(OneDnn.enabled("FALSE")).isFalse();
    assertThat(OneDnn.enabled("yes")).as("a value TensorFlow cannot read keeps its default, on").isTrue();
    assertThat(OneDnn.enabled(null)).as("unset: on, the default of TensorFlow's x86-64 build").isTrue();
  }

  @Test
  void theEngineVersionSaysWhetherThisProcessRunsOneDnn() {
    String version = new TensorFlowEngine(TensorFlowParameters.defaults()).version();
    boolean on = !"0".equals(System.getenv(OneDnn.VARIABLE)) && !"false".equalsIgnoreCase(System.getenv(OneDnn.VARIABLE));
    assertThat(version).startsWith("tensorflow-java 1.1.0 (native ").endsWith(on ? ", oneDNN on)" : ", oneDNN off)");
  }

  @Test
  void theBuildRunsTheTestsWithOneDnnAsTheLauncherDoes() {
    // surefire and failsafe set TF_ENABLE_ONEDNN_OPTS to the build property tf.onednn (1 unless -Dtf.onednn=0), as ./dsdl sets 1
    assertThat(System.getProperty("tf.onednn")).as("the build passes tf.onednn to the tests").isNotNull();
    assertThat(System.getenv(OneDnn.VARIABLE)).isEqualTo(System.getProperty("tf.onednn"));
  }

  @Test
  void theClaimMatchesTheKernelsTensorFlowRuns() {
    List<String> ops = new ArrayList<>();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 8, 8, 1)));
      Variable<TFloat32> k = tf.variable(tf.constant(Shape.of(3, 3, 1, 4), DataBuffers.of(new float[36], true, false)));
      var y = tf.nn.conv2d(x, k, List.of(1L, 1L, 1L, 1L), "SAME");
      RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
      try (Session s = new Session(g); TFloat32 in = TFloat32.tensorOf(Shape.of(2, 8, 8, 1))) {
        s.initialize();
        try (Result r = s.runner().feed(x, in).fetch(y).setOptions(trace).runAndFetchMetadata()) {
          for (DeviceStepStats dev : r.getMetadata().orElseThrow().getStepStats().getDevStatsList()) {
            for (NodeExecStats n : dev.getNodeStatsList()) {
              ops.add(n.getTimelineLabel()); // "name = Type(inputs)"
            }
          }
        }
      }
    }
    assertThat(ops).as("the traced convolution").anyMatch(l -> l.contains("Conv2D"));
    assertThat(ops.stream().anyMatch(l -> l.contains(" = _Mkl"))).as("oneDNN kernels in " + ops).isEqualTo(OneDnn.enabled());
  }
}
