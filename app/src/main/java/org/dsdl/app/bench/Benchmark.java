package org.dsdl.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.model.Model;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.checkpoint.NamedProbe;
import org.dsdl.app.pipeline.RunSetup;
import org.dsdl.app.training.BatchFeeder;

/**
 * A short fixed workload on an experiment's model and data, repeated: training throughput fed
 * through the real batch feeder and through a pre-built tensor (the feeding-free upper bound), the
 * cost of one checkpoint's evaluation and capture, and of each probe on that snapshot.
 */
public final class Benchmark {
  private Benchmark() {}

  /**
   * A median with its range over repeats.
   *
   * @param median the median
   * @param min the smallest
   * @param max the largest
   */
  public record Stat(double median, double min, double max) {
    static Stat of(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      return new Stat(median, v[0], v[v.length - 1]);
    }
  }

  /**
   * What a benchmark measured.
   *
   * @param model the architecture's name
   * @param parameters trainable parameters
   * @param batchSize exemplars per step
   * @param steps steps per repeat
   * @param repeats repeats
   * @param samplesPerSecond training throughput through the feeder
   * @param msPerStep milliseconds per training step through the feeder
   * @param engineShare fraction of fed training time inside the engine's session calls
   * @param feedFreeSamplesPerSecond throughput on one pre-built batch tensor
   * @param captureMs one checkpoint's evaluations and capture
   * @param probeMs each probe's measure on one snapshot (over checkpoints spread across the run's schedule)
   * @param probeRunMeanMs each probe's estimated mean cost per checkpoint of the full run ({@link ScheduleSample})
   * @param probeRunMeanCpuMs the same in CPU time of the process (every thread), steadier than wall time on a shared machine
   * @param peakRssMb the process's peak resident memory
   * @param forwardFlopsPerSample model FLOPs of one forward pass
   * @param trainingFlopsPerSample ≈ 3 × forward
   * @param gigaflopsPerSecond training FLOPs per sample × samples per second
   * @param runCheckpoints checkpoints in the benchmarked experiment's full run
   * @param runSteps training steps in that run
   */
  public record Result(String model, long parameters, int batchSize, int steps, int repeats, Stat samplesPerSecond, Stat msPerStep,
      Stat engineShare, Stat feedFreeSamplesPerSecond, Stat captureMs, Map<String, Stat> probeMs, Map<String, Double> probeRunMeanMs,
      Map<String, Double> probeRunMeanCpuMs, double peakRssMb,
      long forwardFlopsPerSample, long trainingFlopsPerSample, Stat gigaflopsPerSecond, int runCheckpoints, long runSteps) {
    /** Fed over feed-free throughput (1 = feeding costs nothing). */
    public double fedOverFeedFree() {
      return samplesPerSecond.median() / feedFreeSamplesPerSecond.median();
    }

    /** The full run's training wall time at the median step time, in seconds. */
    public double runTrainingSeconds() {
      return runSteps * msPerStep.median() / 1e3;
    }

    /**
     * The probes' estimated cost over the full run (every checkpoint, at its mean cost per
     * checkpoint) as a fraction of {@link #runTrainingSeconds()}; {@code names} selects the probes
     * (empty = all).
     */
    public double probeShare(List<String> names) {
      double perCheckpoint = probeRunMeanMs.entrySet().stream().filter(e -> names.isEmpty() || names.contains(e.getKey()))
          .mapToDouble(Map.Entry::getValue).sum();
      return perCheckpoint * runCheckpoints / 1e3 / runTrainingSeconds();
    }
  }

  /**
   * Times each probe is measured on each repeat's snapshot at least (the JIT warms up over a run's
   * checkpoints too); more where the run has more checkpoints than repeats × this, so that every
   * checkpoint of the schedule is timed ({@link ScheduleSample}).
   */
  static final int PROBE_ROUNDS = 4;

  /** Runs {@code warmup} steps, then {@code repeats} × ({@code steps} fed steps, {@code steps} feed-free steps, one checkpoint). */
  public static Result run(RunSetup setup, int warmup, int steps, int repeats) {
    List<Double> sps = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    List<Double> share = new ArrayList<>();
    List<Double> free = new ArrayList<>();
    List<Double> capture = new ArrayList<>();
    Map<String, List<Double>> probes = new LinkedHashMap<>();
    int rounds = ScheduleSample.roundsPerRepeat(setup.schedule().size(), repeats, repeats * PROBE_ROUNDS);
    ScheduleSample sample = new ScheduleSample(setup.schedule().size(), repeats * rounds);
    Map<String, double[]> probeSamples = new LinkedHashMap<>();
    Map<String, double[]> probeCpuSamples = new LinkedHashMap<>();
    BatchFeeder feeder = setup.feeder();
    double lr = setup.plan().optimizer().learningRate();
    try (Model model = setup.buildModel()) {
      long step = 0;
      for (; step < warmup; step++) {
        model.trainStep(feeder.images(), feeder.labels(), feeder.fill(step), lr);
      }
      for (int r = 0; r < repeats; r++) {
        long samples = 0;
        long engine = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < steps; k++, step++) {
          int count = feeder.fill(step);
          engine += model.trainStep(feeder.images(), feeder.labels(), count, lr).engineNanos();
          samples += count;
        }
        long fed = System.nanoTime() - t0;
        sps.add(samples / (fed / 1e9));
        ms.add(fed / 1e6 / steps);
        share.add((double) engine / fed);

        int count = feeder.fill(step);
        float[] images = Arrays.copyOf(feeder.images(), feeder.images().length);
        int[] labels = Arrays.copyOf(feeder.labels(), feeder.labels().length);
        long freeNanos = model.trainRepeatedly(images, labels, count, lr, steps);
        free.add((double) count * steps / (freeNanos / 1e9));

        long c0 = System.nanoTime();
        Snapshot snapshot = setup.snapshot(model, setup.checkpoint(r + 1, step));
        capture.add((System.nanoTime() - c0) / 1e6);
        // every round starts from the probes' state before the first, as the next checkpoint of a run would
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (NamedProbe p : setup.probes()) {
          before.put(p.name(), p.probe().saveState());
        }
        for (int round = 0; round < rounds; round++) {
          if (round > 0) {
            for (NamedProbe p : setup.probes()) {
              byte[] b = before.get(p.name());
              if (b.length > 0) {
                p.probe().restoreState(b);
              }
            }
          }
          // a fresh copy per round, so statistics probes share per snapshot are recomputed as in a run; each round
          // stands for another checkpoint of the run's schedule, so work a probe does at some checkpoints only is counted
          int k = r * rounds + round;
          Snapshot copy = new Snapshot(setup.checkpoint(sample.index(k), step), snapshot.classNames(), snapshot.labels(), snapshot.ids(),
              snapshot.logits(), snapshot.layers(), snapshot.evaluations());
          for (NamedProbe p : setup.probes()) {
            long cpu0 = processCpuNanos();
            long p0 = System.nanoTime();
            p.probe().measure(copy);
            double elapsed = (System.nanoTime() - p0) / 1e6;
            probeCpuSamples.computeIfAbsent(p.name(), n -> new double[sample.samples()])[k] = (processCpuNanos() - cpu0) / 1e6;
            probes.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(elapsed);
            probeSamples.computeIfAbsent(p.name(), n -> new double[sample.samples()])[k] = elapsed;
          }
        }
      }
      var spec = setup.data().model();
      long forward = spec.forwardFlops();
      long training = spec.trainingFlops();
      List<Double> gflops = sps.stream().map(v -> v * training / 1e9).toList();
      Map<String, Stat> probeStats = new LinkedHashMap<>();
      probes.forEach((k, v) -> probeStats.put(k, Stat.of(v)));
      Map<String, Double> runMean = new LinkedHashMap<>();
      probeSamples.forEach((k, v) -> runMean.put(k, sample.mean(v)));
      Map<String, Double> runMeanCpu = new LinkedHashMap<>();
      probeCpuSamples.forEach((k, v) -> runMeanCpu.put(k, sample.mean(v)));
      return new Result(setup.data().modelName(), model.parameterCount(), setup.plan().config().training().batchSize(), steps, repeats,
          Stat.of(sps), Stat.of(ms), Stat.of(share), Stat.of(free), Stat.of(capture), probeStats, runMean, runMeanCpu, peakRssMb(),
          forward, training, Stat.of(gflops), setup.schedule().size(), setup.schedule().totalSteps());
    }
  }

  /**
   * CPU time of this process so far, every thread (the engine's are idle while probes measure),
   * in ns; -1 where the platform does not say.
   */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

    /** Peak resident set size of this process (VmHWM), in MB; NaN where /proc is unavailable. */
  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
