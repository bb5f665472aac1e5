package org.dsdl.app.sweep.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.probe.MetricRole;

/**
 * One row of {@code summary.csv}: a condition's {@link SeedStatistics} across its seeds for one
 * metric of one layer (and label) at one checkpoint. An event is recorded by each run at its own
 * checkpoint, so events are summarised across seeds whatever their checkpoint: {@code checkpoint}
 * and {@code step} are null for them.
 *
 * @param condition the condition's label
 * @param checkpoint the checkpoint's index, or null for an event
 * @param step its training step (the step of the first seed's row), or null for an event
 * @param probe the probe's name
 * @param metric the metric's name
 * @param layer the layer, or null for whole-network metrics
 * @param label the vector label of a per-label event, or null
 * @param role the metric's declared role (as the first seed's run declared it)
 * @param values the seeds' values, in run order (not finite where undefined)
 * @param stats their statistics
 */
public record SummaryRow(String condition, Integer checkpoint, Long step, String probe, String metric, String layer, String label,
    MetricRole role, List<Double> values, SeedStatistics stats) {
  /** Copies the values. */
  public SummaryRow {
    values = List.copyOf(values);
  }

  /** What one summary row groups by. */
  private record Group(String condition, Integer checkpoint, Long step, String probe, String metric, String layer, String label) {}

  /** The summary of the long table {@code rows}, groups in first-seen order. */
  public static List<SummaryRow> of(List<ResultRow> rows) {
    Map<Group, List<ResultRow>> groups = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      boolean event = r.role() == MetricRole.EVENT;
      Group g = new Group(r.run().condition(), event ? null : r.checkpoint(), event ? null : r.step(), r.probe(), r.metric(), r.layer(),
          r.label());
      groups.computeIfAbsent(g, k -> new ArrayList<>()).add(r);
    }
    List<SummaryRow> out = new ArrayList<>(groups.size());
    groups.forEach((g, members) -> {
      List<Double> values = members.stream().map(ResultRow::value).toList();
      out.add(new SummaryRow(g.condition(), g.checkpoint(), g.step(), g.probe(), g.metric(), g.layer(), g.label(), members.get(0).role(),
          values, SeedStatistics.of(values.stream().mapToDouble(Double::doubleValue).toArray())));
    });
    return List.copyOf(out);
  }
}
