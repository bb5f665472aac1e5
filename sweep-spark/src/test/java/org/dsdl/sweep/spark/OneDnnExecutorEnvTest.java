package org.dsdl.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Executors load TensorFlow with the driver's oneDNN choice, 1 by default, and an explicit --conf wins. */
class OneDnnExecutorEnvTest {
  private static final String KEY = "spark.executorEnv.TF_ENABLE_ONEDNN_OPTS";

  @Test
  void executorsGetTheDriversValue() {
    SparkConf conf = new SparkConf(false);
    SparkSessions.passOneDnn(conf, Map.of("TF_ENABLE_ONEDNN_OPTS", "0"));
    assertThat(conf.get(KEY)).isEqualTo("0");
  }

  @Test
  void executorsGetOneDnnWhenTheDriverSaysNothing() {
    SparkConf conf = new SparkConf(false);
    SparkSessions.passOneDnn(conf, Map.of());
    assertThat(conf.get(KEY)).isEqualTo("1");
  }

  @Test
  void anExplicitSettingStays() {
    SparkConf conf = new SparkConf(false).set(KEY, "0");
    SparkSessions.passOneDnn(conf, Map.of("TF_ENABLE_ONEDNN_OPTS", "1"));
    assertThat(conf.get(KEY)).isEqualTo("0");
  }
}
