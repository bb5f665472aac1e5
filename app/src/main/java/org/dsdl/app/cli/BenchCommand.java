package org.dsdl.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dsdl.app.DsdlException;
import org.dsdl.app.bench.BatchSweep;
import org.dsdl.app.bench.Benchmark;
import org.dsdl.app.pipeline.RunSetupFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dsdl bench}: training throughput, capture and probe cost, memory and FLOP rate. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure training throughput (fed and feeding-free), checkpoint capture next to one forward pass, probe cost,"
        + " the whole run's time over its training time, memory and FLOP rate"
        + " on an experiment's model and data (the built-in experiment by default); medians with min-max over repeats.")
public final class BenchCommand implements Callable<Integer> {
  @Mixin
  ExperimentOptions experiment;

  @Option(names = "--steps", defaultValue = "200", description = "training steps per repeat (default ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--warmup", defaultValue = "30", description = "training steps before measuring (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--repeats", defaultValue = "5", description = "repeats (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Option(names = "--batches", split = ",", paramLabel = "B", description = "only training throughput, at each of these batch sizes in turns (e.g. 16,32,64)")
  List<Integer> batches;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private final RunSetupFactory setups;

  /** Creates the command with its collaborators. */
  @jakarta.inject.Inject
  public BenchCommand(RunSetupFactory setups) {
    this.setups = setups;
  }


  /** The built-in probe families, whose joint cost the bench reports. */
  private static final Map<String, List<String>> FAMILIES = new java.util.TreeMap<>(Map.of(
      "identity", List.of("selectivity", "linear-probe", "rsa", "class-geometry"),
      "coupling", List.of("filter-coupling", "cka", "weight-coupling", "coupling-graph")));

  @Override
  public Integer call() throws Exception {
    if (steps < 1 || repeats < 1 || warmup < 0) {
      throw DsdlException.badInput("--steps and --repeats must be >= 1 and --warmup >= 0");
    }
    if (batches != null) {
      return sweep();
    }
    Benchmark.Result r = Benchmark.run(setups.create(experiment.plan()), warmup, steps, repeats);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
    } else {
      out.printf(Locale.ROOT, "dsdl bench: %s (%,d parameters), batch %d, %d steps x %d repeats after %d warm-up steps; median [min-max]%n",
          r.model(), r.parameters(), r.batchSize(), r.steps(), r.repeats(), warmup);
      out.printf(Locale.ROOT, "  training            %s samples/s   %s ms/step%n", fmt(r.samplesPerSecond(), "%.0f"), fmt(r.msPerStep(), "%.2f"));
      out.printf(Locale.ROOT, "  inside TensorFlow   %s %% of training wall time%n", fmt(scale(r.engineShare(), 100), "%.1f"));
      out.printf(Locale.ROOT, "  feeding-free bound  %s samples/s   fed / feeding-free = %.3f%n", fmt(r.feedFreeSamplesPerSecond(), "%.0f"), r.fedOverFeedFree());
      out.printf(Locale.ROOT, "  checkpoint capture  %s ms (capture the probe set, evaluate held-out and training subsets)%n", fmt(r.captureMs(), "%.1f"));
      out.printf(Locale.ROOT, "  forward pass        %s ms (logits only, %d probe-set exemplars)   capture / forward pass = %.2f%n",
          fmt(r.forwardMs(), "%.1f"), r.probeSetSize(), r.captureOverForward());
      r.probeMs().forEach((name, s) -> out.printf(Locale.ROOT,
          "  probe %-16s %s ms per checkpoint, mean over the run's schedule %.2f ms (CPU %.2f ms), %.1f %% of the run's training time%n",
          name, fmt(s, "%.2f"), r.probeRunMeanMs().get(name), r.probeRunMeanCpuMs().get(name), 100 * r.probeShare(List.of(name))));
      for (Map.Entry<String, List<String>> family : FAMILIES.entrySet()) {
        List<String> members = r.probeMs().keySet().stream().filter(family.getValue()::contains).toList();
        if (!members.isEmpty()) {
          out.printf(Locale.ROOT, "  %-8s probes     %.1f %% of the run's training time (%s; %d checkpoints, %.1f s training at the median step time)%n",
              family.getKey(), 100 * r.probeShare(members), String.join(", ", members), r.runCheckpoints(), r.runTrainingSeconds());
        }
      }
      out.printf(Locale.ROOT, "  per checkpoint      visualizer hooks %.2f ms, probe states, run.json and saved state %s ms%n", r.hooksRunMeanMs(),
          fmt(r.recordMs(), "%.1f"));
      out.printf(Locale.ROOT, "  run projection      (training %.1f s + checkpoints %.1f s + visualizers %.1f s) / training = %.2f%n",
          r.runTrainingSeconds(), r.runCheckpointSeconds(), r.renderSeconds(), r.runProjection());
      out.printf(Locale.ROOT, "  without probes      (training + captures + records + visualizers) / training = %.2f%n", r.runProjectionWithoutProbes());
      out.printf(Locale.ROOT, "  peak memory (RSS)   %.0f MB%n", r.peakRssMb());
      out.printf(Locale.ROOT, "  model FLOPs         %.2f MFLOP forward, %.2f MFLOP training per sample%n",
          r.forwardFlopsPerSample() / 1e6, r.trainingFlopsPerSample() / 1e6);
      out.printf(Locale.ROOT, "  FLOP rate           %s GFLOP/s (training)%n", fmt(r.gigaflopsPerSecond(), "%.2f"));
    }
    out.flush();
    return 0;
  }

  /** {@code --batches}: training throughput per batch size ({@link BatchSweep}). */
  private int sweep() throws Exception {
    if (batches.isEmpty() || batches.stream().anyMatch(b -> b < 1) || batches.stream().distinct().count() != batches.size()) {
      throw DsdlException.badInput("--batches must list distinct batch sizes >= 1, got " + batches);
    }
    BatchSweep.Result r = BatchSweep.run(setups.create(experiment.plan()), batches, warmup, steps, repeats);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
    } else {
      r.lines().forEach(out::println);
    }
    out.flush();
    return 0;
  }

  private static Benchmark.Stat scale(Benchmark.Stat s, double k) {
    return new Benchmark.Stat(s.median() * k, s.min() * k, s.max() * k);
  }

  private static String fmt(Benchmark.Stat s, String f) {
    return String.format(Locale.ROOT, f + " [" + f + "-" + f + "]", s.median(), s.min(), s.max());
  }
}
