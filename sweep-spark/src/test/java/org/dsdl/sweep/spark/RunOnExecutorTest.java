package org.dsdl.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A run on an executor names its sweep's output URI, not its scratch folder, for {@code dsdl sweep --resume}. */
class RunOnExecutorTest {
  @Test
  void theSweepIsTheTargetWithoutItsRunsFolder() {
    assertThat(RunOnExecutor.sweepOf("file:/data/study/runs/dense_seed-1")).isEqualTo("file:/data/study");
    assertThat(RunOnExecutor.sweepOf("hdfs://nn:8020/s/runs/a/")).isEqualTo("hdfs://nn:8020/s");
    assertThat(RunOnExecutor.sweepOf("s3a://bucket/runs/x/runs/y")).as("the last runs/ folder").isEqualTo("s3a://bucket/runs/x");
    assertThat(RunOnExecutor.sweepOf("file:/elsewhere/y")).as("not a sweep layout: the target itself").isEqualTo("file:/elsewhere/y");
  }
}
