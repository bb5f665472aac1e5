package org.example.markdown;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.plugin.WithoutParameters;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.api.viz.VisualizerProvider;

/** The {@code markdown} visualizer: {@code summary.md}, a section per probe with each scalar's first and last value. */
public final class MarkdownVisualizerProvider implements VisualizerProvider<NoParameters>, WithoutParameters {
  @Override
  public String name() {
    return "markdown";
  }

  @Override
  public String description() {
    return "summary.md: a section per probe, a row per scalar metric and layer with its first and last value";
  }

  @Override
  public Visualizer create(NoParameters parameters) {
    return run -> {
      // probe -> "metric layer" -> {first, last}
      Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
      for (Measurement m : run.measurements()) {
        if (m instanceof ScalarMeasurement s) {
          String row = s.key().metric() + " | " + (s.key().layer() == null ? "" : s.key().layer());
          table.computeIfAbsent(s.key().probe(), p -> new LinkedHashMap<>())
              .merge(row, new double[] {s.value(), s.value()}, (old, now) -> new double[] {old[0], now[1]});
        }
      }
      StringBuilder md = new StringBuilder("# " + run.info().name() + "\n\n")
          .append(run.info().checkpoints().size()).append(" checkpoints, status ").append(run.info().status()).append("\n");
      table.forEach((probe, rows) -> {
        md.append("\n## ").append(probe).append("\n\n| metric | layer | first | last |\n|---|---|---|---|\n");
        rows.forEach((row, v) -> md.append("| ").append(row).append(" | ").append(v[0]).append(" | ").append(v[1]).append(" |\n"));
      });
      Path target = run.directory().resolve("summary.md");
      OutputFiles.writeAtomically(target, out -> out.write(md.toString().getBytes(StandardCharsets.UTF_8)));
      return List.of(target);
    };
  }
}
