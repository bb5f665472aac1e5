package org.dsdl.app.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.Printable;
import org.dsdl.app.pipeline.PreparedData;
import org.dsdl.app.pipeline.RunSetup;
import org.dsdl.app.pipeline.RunSetupFactory;
import org.dsdl.app.training.CheckpointSchedule;
import org.dsdl.app.training.Seeds;

/**
 * What {@code dsdl validate} does for a sweep file: checks every run as it checks one experiment
 * (data, model, schedule, probe layers) and prints the expanded runs, a line each, training nothing.
 */
public final class SweepCheck {
  private SweepCheck() {}

  /** Checks every run of {@code plan} and prints them to {@code out}; the first bad run is refused naming it. */
  public static void print(SweepPlan plan, PrintWriter out) {
    SweepSpec spec = plan.spec();
    int conditions = (int) plan.runs().stream().map(r -> r.run().condition()).distinct().count();
    out.printf(Locale.ROOT, "sweep %s: %d runs (%d condition%s × %d seed%s), base %s%n", spec.name(), plan.runs().size(), conditions,
        conditions == 1 ? "" : "s", spec.seeds().size(), spec.seeds().size() == 1 ? "" : "s", Printable.of(spec.baseSource()));
    int width = plan.runs().stream().mapToInt(r -> r.run().name().length()).max().orElse(0);
    for (SweepPlan.Planned p : plan.runs()) {
      Seeds seeds = new Seeds(p.plan().config().seed());
      CheckpointSchedule schedule;
      PreparedData data;
      try {
        data = PreparedData.prepare(p.plan(), seeds);
        RunSetup.createProbes(p.plan(), seeds, data, null, java.util.List.of());
        int batch = p.plan().config().training().batchSize();
        schedule = RunSetupFactory.schedule(p.plan(), (data.dataset().train().size() + batch - 1) / batch);
      } catch (DsdlException e) {
        throw DsdlException.badInput("run '" + p.run().name() + "': " + e.getMessage(), e);
      }
      out.printf(Locale.ROOT, "  %-" + width + "s  %s; %d training exemplars, %d steps, %d checkpoints%n", p.run().name(),
          settings(p.run()), data.dataset().train().size(), schedule.totalSteps(), schedule.size());
    }
    out.printf(Locale.ROOT, "# valid: %d runs%n", plan.runs().size());
    out.flush();
  }

  /** A run's settings and seed as {@code key=value …}. */
  static String settings(SweepRun run) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : run.settings().entrySet()) {
      sb.append(e.getKey()).append('=').append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()).append(' ');
    }
    return Printable.of(sb.append("seed=").append(run.seed()).toString(), 300);
  }
}
