package org.dsdl.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dsdl.api.model.Model;
import org.dsdl.app.pipeline.RunSetup;
import org.dsdl.app.training.BatchFeeder;

/**
 * Training throughput across batch sizes ({@code dsdl bench --batches 16,32,64}) on one
 * experiment's model and data: one model per batch size, each fed by the run's batch feeder at that
 * size, measured in turns (every repeat visits every batch size in order), so that a change in the
 * machine's load during the sweep falls on every batch size alike.
 */
public final class BatchSweep {
  private BatchSweep() {}

  /**
   * One batch size's throughput.
   *
   * @param batchSize exemplars per step
   * @param samplesPerSecond training throughput through the feeder
   * @param msPerStep milliseconds per training step
   */
  public record Row(int batchSize, Benchmark.Stat samplesPerSecond, Benchmark.Stat msPerStep) {}

  /**
   * What a sweep measured.
   *
   * @param model the architecture's name
   * @param parameters trainable parameters
   * @param engine the engine and its version (for TensorFlow: whether its oneDNN kernels were on)
   * @param cpus processors available to the JVM
   * @param steps training steps per repeat and batch size
   * @param repeats repeats
   * @param warmup steps each model took before measuring
   * @param batches one row per batch size, in the order asked
   */
  public record Result(String model, long parameters, String engine, int cpus, int steps, int repeats, int warmup, List<Row> batches) {
    /** Copies the rows. */
    public Result {
      batches = List.copyOf(batches);
    }

    /** The sweep as text, one line per batch size. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(String.format(Locale.ROOT, "dsdl bench --batches: %s (%,d parameters) on %s, %d CPUs; %d steps x %d repeats per batch size"
          + " after %d warm-up steps, batch sizes in turns; median [min-max]", model, parameters, engine, cpus, steps, repeats, warmup));
      double first = batches.get(0).samplesPerSecond().median();
      for (Row r : batches) {
        out.add(String.format(Locale.ROOT, "  batch %4d  training %s samples/s   %s ms/step   x%.2f of batch %d", r.batchSize(),
            fmt(r.samplesPerSecond(), "%.0f"), fmt(r.msPerStep(), "%.2f"), r.samplesPerSecond().median() / first, batches.get(0).batchSize()));
      }
      return out;
    }

    private static String fmt(Benchmark.Stat s, String f) {
      return String.format(Locale.ROOT, f + " [" + f + "-" + f + "]", s.median(), s.min(), s.max());
    }
  }

  /**
   * Builds one model per batch size (same seeded initial weights), runs {@code warmup} steps on
   * each, then {@code repeats} rounds of {@code steps} fed steps per batch size.
   *
   * @throws IllegalArgumentException if no batch size is given, one is below 1 or one repeats
   */
  public static Result run(RunSetup setup, List<Integer> batchSizes, int warmup, int steps, int repeats) {
    if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(b -> b < 1) || batchSizes.stream().distinct().count() != batchSizes.size()) {
      throw new IllegalArgumentException("batch sizes must be distinct and >= 1, got " + batchSizes);
    }
    double lr = setup.plan().optimizer().learningRate();
    List<Lane> lanes = new ArrayList<>();
    try {
      for (int b : batchSizes) {
        lanes.add(new Lane(b, setup.buildModel(), new BatchFeeder(setup.data().dataset().train(), b, setup.seeds().shuffle())));
      }
      for (Lane l : lanes) {
        l.train(warmup, lr);
      }
      for (int r = 0; r < repeats; r++) {
        for (Lane l : lanes) {
          long t0 = System.nanoTime();
          long samples = l.train(steps, lr);
          long nanos = System.nanoTime() - t0;
          l.rates.add(samples / (nanos / 1e9));
          l.stepMs.add(nanos / 1e6 / steps);
        }
      }
      List<Row> rows = lanes.stream().map(l -> new Row(l.batchSize, Benchmark.Stat.of(l.rates), Benchmark.Stat.of(l.stepMs))).toList();
      return new Result(setup.data().modelName(), lanes.get(0).model.parameterCount(), setup.engine().version(),
          Runtime.getRuntime().availableProcessors(), steps, repeats, warmup, rows);
    } finally {
      lanes.forEach(l -> l.model.close());
    }
  }

  /** One batch size's model, feeder, position and timings. */
  private static final class Lane {
    final int batchSize;
    final Model model;
    final BatchFeeder feeder;
    final List<Double> rates = new ArrayList<>();
    final List<Double> stepMs = new ArrayList<>();
    long nextStep;

    Lane(int batchSize, Model model, BatchFeeder feeder) {
      this.batchSize = batchSize;
      this.model = model;
      this.feeder = feeder;
    }

    /** Trains the next {@code steps} steps; returns the exemplars seen (an epoch's last batch may be short). */
    long train(int steps, double lr) {
      long samples = 0;
      for (long end = nextStep + steps; nextStep < end; nextStep++) {
        int count = feeder.fill(nextStep);
        model.trainStep(feeder.images(), feeder.labels(), count, lr);
        samples += count;
      }
      return samples;
    }
  }
}
