package org.dsdl.app.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.model.Model;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.snapshot.CaptureRequest;
import org.dsdl.api.snapshot.Snapshot;
import org.dsdl.app.checkpoint.NamedProbe;
import org.dsdl.app.pipeline.RunSetup;
import org.dsdl.app.training.BatchFeeder;

/**
 * A short fixed workload on an experiment's model and data, repeated: training throughput fed
 * through the real batch feeder and through a pre-built tensor (the feeding-free upper bound), the
 * cost of one checkpoint's capture and evaluations next to one forward-only pass over the probe set
 * (the floor a capture cannot go below), each probe on that snapshot, the visualizers' checkpoint
 * hooks, what a run records at a checkpoint and the visualizers' final render; from these, the
 * whole run's projected time over its training time.
 */
public final class Benchmark {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Benchmark.class);

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
   * @param captureMs one checkpoint's capture and evaluations (what the probes see)
   * @param forwardMs one forward-only pass over the probe set (logits only): the floor of a capture
   * @param probeSetSize exemplars in the probe set
   * @param probeMs each probe's measure on one snapshot (over checkpoints spread across the run's schedule)
   * @param probeRunMeanMs each probe's estimated mean cost per checkpoint of the full run ({@link ScheduleSample})
   * @param probeRunMeanCpuMs the same in CPU time of the process (every thread), steadier than wall time on a shared machine
   * @param hooksRunMeanMs the visualizers' checkpoint hooks, estimated mean per checkpoint of the full run
   * @param recordMs what a run does after measuring a checkpoint: the probes' states, run.json and the resumable state (when saved)
   * @param renderSeconds the visualizers' final render of a run of the schedule's checkpoints
   * @param peakRssMb the process's peak resident memory
   * @param forwardFlopsPerSample model FLOPs of one forward pass
   * @param trainingFlopsPerSample ≈ 3 × forward
   * @param gigaflopsPerSecond training FLOPs per sample × samples per second
   * @param runCheckpoints checkpoints in the benchmarked experiment's full run
   * @param runSteps training steps in that run
   */
  public record Result(String model, long parameters, int batchSize, int steps, int repeats, Stat samplesPerSecond, Stat msPerStep,
      Stat engineShare, Stat feedFreeSamplesPerSecond, Stat captureMs, Stat forwardMs, int probeSetSize, Map<String, Stat> probeMs,
      Map<String, Double> probeRunMeanMs, Map<String, Double> probeRunMeanCpuMs, double hooksRunMeanMs, Stat recordMs,
      double renderSeconds, double peakRssMb, long forwardFlopsPerSample, long trainingFlopsPerSample, Stat gigaflopsPerSecond,
      int runCheckpoints, long runSteps) {
    /** Fed over feed-free throughput (1 = feeding costs nothing). */
    public double fedOverFeedFree() {
      return samplesPerSecond.median() / feedFreeSamplesPerSecond.median();
    }

    /** Capture over one forward-only pass of the probe set, medians (1 = capturing costs no more than the pass it needs). */
    @JsonProperty
    public double captureOverForward() {
      return captureMs.median() / forwardMs.median();
    }

    /** The full run's training wall time at the median step time, in seconds. */
    @JsonProperty
    public double runTrainingSeconds() {
      return runSteps * msPerStep.median() / 1e3;
    }

    /**
     * The full run's checkpoints, in seconds: each checkpoint's capture (median), every probe (its
     * mean over the schedule), the visualizers' hooks and what the run records.
     */
    @JsonProperty
    public double runCheckpointSeconds() {
      double probes = probeRunMeanMs.values().stream().mapToDouble(Double::doubleValue).sum();
      return runCheckpoints * (captureMs.median() + probes + hooksRunMeanMs + recordMs.median()) / 1e3;
    }

    /** The whole run projected, (training + checkpoints + visualizers' render) ÷ training: the run's cost over its training's. */
    @JsonProperty
    public double runProjection() {
      return (runTrainingSeconds() + runCheckpointSeconds() + renderSeconds) / runTrainingSeconds();
    }

    /**
     * The whole run projected as {@link #runProjection()} but without its probes: training, each
     * checkpoint's capture and records, and the visualizers' render, ÷ training. What the run would
     * cost if the probes cost nothing; the rest of {@link #runProjection()} is theirs.
     */
    @JsonProperty
    public double runProjectionWithoutProbes() {
      double checkpoints = runCheckpoints * (captureMs.median() + recordMs.median()) / 1e3;
      return (runTrainingSeconds() + checkpoints + renderSeconds) / runTrainingSeconds();
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

  /**
   * Runs {@code warmup} steps, then {@code repeats} × ({@code steps} fed steps, {@code steps}
   * feed-free steps, one forward pass, one checkpoint), then renders the checkpoints measured.
   */
  public static Result run(RunSetup setup, int warmup, int steps, int repeats) {
    try (Model model = setup.buildModel(); BenchRunDirectory dir = new BenchRunDirectory(setup, model)) {
      return run(setup, model, dir, warmup, steps, repeats);
    } catch (IOException e) {
      throw new UncheckedIOException("the bench's temporary run directory: " + e.getMessage(), e);
    }
  }

  private static Result run(RunSetup setup, Model model, BenchRunDirectory dir, int warmup, int steps, int repeats) throws IOException {
    List<Double> sps = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    List<Double> share = new ArrayList<>();
    List<Double> free = new ArrayList<>();
    List<Double> capture = new ArrayList<>();
    List<Double> forward = new ArrayList<>();
    List<Double> record = new ArrayList<>();
    Map<String, List<Double>> probes = new LinkedHashMap<>();
    int rounds = ScheduleSample.roundsPerRepeat(setup.schedule().size(), repeats, repeats * PROBE_ROUNDS);
    ScheduleSample sample = new ScheduleSample(setup.schedule().size(), repeats * rounds);
    Map<String, double[]> probeSamples = new LinkedHashMap<>();
    Map<String, double[]> probeCpuSamples = new LinkedHashMap<>();
    double[] hookSamples = new double[sample.samples()];
    BatchFeeder feeder = setup.feeder();
    double lr = setup.plan().optimizer().learningRate();
    long step = 0;
    for (; step < warmup; step++) {
      model.trainStep(feeder.images(), feeder.labels(), feeder.fill(step), lr);
    }
    int listed = 0; // checkpoints of the schedule listed in the bench's run directory
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

      long f0 = System.nanoTime();
      model.capture(setup.data().probeSet(), CaptureRequest.logitsOnly());
      forward.add((System.nanoTime() - f0) / 1e6);

      long c0 = System.nanoTime();
      Snapshot snapshot = setup.snapshot(model, setup.checkpoint(r + 1, step));
      capture.add((System.nanoTime() - c0) / 1e6);
      // every round starts from the probes' state before the first, as the next checkpoint of a run would; saving
      // it and writing the run's records is what a run does after each checkpoint
      long s0 = System.nanoTime();
      Map<String, byte[]> before = new LinkedHashMap<>();
      for (NamedProbe p : setup.probes()) {
        before.put(p.name(), p.probe().saveState());
      }
      dir.record(model, before);
      record.add((System.nanoTime() - s0) / 1e6);
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
        int index = sample.index(k);
        Checkpoint cp = setup.checkpoint(index, setup.schedule().steps().get(index));
        Snapshot copy = new Snapshot(cp, snapshot.classNames(), snapshot.labels(), snapshot.ids(), snapshot.logits(), snapshot.layers(),
            snapshot.evaluations());
        List<Measurement> measured = new ArrayList<>();
        for (NamedProbe p : setup.probes()) {
          long cpu0 = processCpuNanos();
          long p0 = System.nanoTime();
          measured.addAll(p.probe().measure(copy));
          double elapsed = (System.nanoTime() - p0) / 1e6;
          probeCpuSamples.computeIfAbsent(p.name(), n -> new double[sample.samples()])[k] = (processCpuNanos() - cpu0) / 1e6;
          probes.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(elapsed);
          probeSamples.computeIfAbsent(p.name(), n -> new double[sample.samples()])[k] = elapsed;
        }
        if (index == listed) { // the first timing of each checkpoint of the schedule: its measurements go to the run directory
          dir.add(cp, measured);
          listed++;
        }
        hookSamples[k] = dir.hooks(copy);
      }
    }
    List<Measurement> finished = new ArrayList<>();
    for (NamedProbe p : setup.probes()) {
      try {
        finished.addAll(p.probe().finish());
      } catch (RuntimeException e) { // a run records it as a probe failure and renders the rest
        LOG.warn("probe '{}' failed to finish the bench's run: {}", p.name(), e.getMessage());
      }
    }
    double render = dir.render(finished);
    var spec = setup.data().model();
    long forwardFlops = spec.forwardFlops();
    long training = spec.trainingFlops();
    List<Double> gflops = sps.stream().map(v -> v * training / 1e9).toList();
    Map<String, Stat> probeStats = new LinkedHashMap<>();
    probes.forEach((k, v) -> probeStats.put(k, Stat.of(v)));
    Map<String, Double> runMean = new LinkedHashMap<>();
    probeSamples.forEach((k, v) -> runMean.put(k, sample.mean(v)));
    Map<String, Double> runMeanCpu = new LinkedHashMap<>();
    probeCpuSamples.forEach((k, v) -> runMeanCpu.put(k, sample.mean(v)));
    return new Result(setup.data().modelName(), model.parameterCount(), setup.plan().config().training().batchSize(), steps, repeats,
        Stat.of(sps), Stat.of(ms), Stat.of(share), Stat.of(free), Stat.of(capture), Stat.of(forward), setup.data().probeSet().size(),
        probeStats, runMean, runMeanCpu, sample.mean(hookSamples), Stat.of(record), render, peakRssMb(), forwardFlops, training,
        Stat.of(gflops), setup.schedule().size(), setup.schedule().totalSteps());
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
