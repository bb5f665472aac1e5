package org.dsdl.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.probes.cka.Cka;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Linear CKA of two 500 × 512 representations, from the raw matrices (both Gram matrices included). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CkaBenchmark {
  @Param({"false", "true"})
  public boolean debiased;

  private FloatMatrix x;
  private FloatMatrix y;

  @Setup
  public void data() {
    SplittableRandom r = new SplittableRandom(3);
    float[] a = new float[500 * 512];
    float[] b = new float[500 * 512];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextGaussian();
      b[i] = (float) (0.5 * a[i] + r.nextGaussian());
    }
    x = new FloatMatrix(500, 512, a);
    y = new FloatMatrix(500, 512, b);
  }

  @Benchmark
  public double cka() {
    return Cka.of(x, y, debiased);
  }
}
