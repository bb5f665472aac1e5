package org.dsdl.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dsdl.api.model.LayerInfo;
import org.dsdl.api.data.ImageShape;
import org.dsdl.architectures.vgg.VggProvider;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.FloatMatrix;
import org.dsdl.api.snapshot.LayerCapture;
import org.dsdl.api.snapshot.Snapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one built-in probe on one checkpoint of the default experiment's shape: a probe set
 * of 500 exemplars of 5 classes, every captured layer of vgg-1.24m (convolutions, dense, logits)
 * with ReLU-like non-negative activations and random weights of the layers' shapes. A fresh snapshot per invocation, so statistics that
 * probes share are computed inside the measurement, as in a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProbeBenchmark {
  @Param({"selectivity", "rsa", "class-geometry", "linear-probe", "filter-coupling", "cka", "weight-coupling", "coupling-graph"})
  public String probe;

  private Probe instance;
  private List<String> classes;
  private int[] labels;
  private Map<String, LayerCapture> layers;
  private Snapshot snapshot;
  /** The probe's state before any checkpoint: restored before each call, so no call starts from the previous one's results. */
  private byte[] fresh;

  @Setup(Level.Trial)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void create() {
    classes = List.of("T", "L", "X", "N", "Z");
    VggProvider vgg = new VggProvider();
    List<LayerInfo> all = vgg.graph(vgg.defaultParameters(), new ImageShape(32, 32, 1), 5).layers();
    ProbeProvider provider = ServiceLoader.load(ProbeProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals(probe)).findFirst().orElseThrow(() -> new IllegalStateException("no probe " + probe));
    instance = provider.create(provider.defaultParameters(), new ProbeContext(probe, classes, all, 1));
    fresh = instance.saveState();
    SplittableRandom r = new SplittableRandom(7);
    int n = 500;
    labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 5;
    }
    layers = new LinkedHashMap<>();
    for (LayerInfo l : all) {
      if (l.kind() == org.dsdl.api.model.LayerKind.POOL) {
        continue;
      }
      int d = l.units();
      float[] a = new float[n * d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          // class-dependent signal on some units, ReLU of noise elsewhere
          double v = (j % 5 == labels[i] ? 1.0 : 0.0) + r.nextGaussian();
          a[i * d + j] = (float) Math.max(0, v);
        }
      }
      layers.put(l.name(), new LayerCapture(l, new FloatMatrix(n, d, a), null, weights(l, r)));
    }
  }

  /** Random weights of the layer's shape: fan-in from its parameter count (fan_in · out + out biases). */
  private static org.dsdl.api.snapshot.LayerWeights weights(LayerInfo l, SplittableRandom r) {
    int out = l.units();
    int fanIn = (int) (l.parameters() / out - 1);
    List<Integer> shape = l.kind() == org.dsdl.api.model.LayerKind.CONV ? List.of(3, 3, fanIn / 9, out) : List.of(fanIn, out);
    float[] k = new float[fanIn * out];
    for (int i = 0; i < k.length; i++) {
      k[i] = (float) (r.nextGaussian() / Math.sqrt(fanIn));
    }
    return new org.dsdl.api.snapshot.LayerWeights(shape, k, new float[out]);
  }

  @Setup(Level.Invocation)
  public void freshSnapshot() {
    if (fresh.length > 0) {
      instance.restoreState(fresh);
    }
    long[] ids = new long[labels.length];
    // checkpoint 1, not 0: at checkpoint 0 the coupling probes also bootstrap the untrained values, once per run
    snapshot = new Snapshot(new Checkpoint(1, 1, 0.01, 16), classes, labels, ids, new FloatMatrix(labels.length, 5, new float[labels.length * 5]),
        layers, Map.of());
  }

  @Benchmark
  public List<org.dsdl.api.measure.Measurement> measure() {
    return instance.measure(snapshot);
  }
}
