package org.dsdl.visualizers.png;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsdl.visualizers.common.Scalars;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The events timeline figure: one row per event (probe, metric, layer), a mark at its step. */
final class Events {
  private Events() {}

  /** Rows {probe/metric, layer or label, step} of the finite events (declared by their probes; scalar or per-label vector), in recorded order. */
  static List<String[]> of(org.dsdl.api.run.RunRecord run, Scalars scalars) {
    List<String[]> rows = new ArrayList<>();
    for (org.dsdl.api.measure.Measurement m : run.measurements()) {
      if (m instanceof org.dsdl.api.measure.VectorMeasurement v && run.info().metrics().isEvent(v.key())) {
        for (int i = 0; i < v.labels().size(); i++) {
          if (Double.isFinite(v.values()[i])) {
            rows.add(new String[] {v.key().probe() + "/" + v.key().metric(), v.labels().get(i), Double.toString(v.values()[i])});
          }
        }
      }
    }
    for (String metric : scalars.metrics()) {
      if (scalars.isEvent(metric)) {
        for (Map.Entry<String, List<Scalars.Point>> e : scalars.of(metric).entrySet()) {
          double step = e.getValue().get(0).value();
          if (Double.isFinite(step)) {
            rows.add(new String[] {metric, e.getKey(), Double.toString(step)});
          }
        }
      }
    }
    return rows;
  }

  static JFreeChart chart(List<String[]> rows) {
    XYSeriesCollection data = new XYSeriesCollection();
    String[] labels = new String[rows.size()];
    java.util.Map<String, XYSeries> byMetric = new java.util.LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      labels[i] = r[0].substring(r[0].indexOf('/') + 1) + (r[1].isEmpty() ? "" : " " + r[1]);
      byMetric.computeIfAbsent(r[0], k -> new XYSeries(k, false, true)).add(Math.max(0.5, Double.parseDouble(r[2])), i);
    }
    byMetric.values().forEach(data::addSeries);
    LogAxis x = new LogAxis("training step (log scale; step 0 drawn at 0.5)");
    x.setSmallestValue(0.5);
    x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
    x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
    SymbolAxis y = new SymbolAxis("", labels);
    y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart("Events: settling, identity and coupling onsets", new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
