package org.dsdl.visualizers.png;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.visualizers.common.Companions;
import org.dsdl.visualizers.common.Heatmaps;
import org.dsdl.api.viz.MetricGuide;
import org.dsdl.visualizers.common.Palette;
import org.dsdl.visualizers.common.Scalars;
import org.dsdl.visualizers.pathway.AttributionGraphs;
import org.dsdl.visualizers.pathway.ClassPathway;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Publication figures under {@code figures/}, drawn with JFreeChart: for every scalar metric a line
 * per layer against the training step on a log axis (step 0 drawn at 0.5, as the axis label says),
 * its bootstrap interval as a band and its permutation null or bootstrap SD as bars on the same chart
 * (never figures of their own), the y axis in the metric's unit over its values' range and never
 * beyond what the metric can take ({@link MetricGuide}), a caption saying what a rising line means,
 * colour-blind-safe colours ({@link Palette}); metrics with one value, or one value throughout, in
 * {@code single-values.csv} instead of a chart;
 * loss and accuracy as learning curves, whole-network vectors (per-class recall) as a line per
 * label, every matrix's last checkpoint as a heat map, the events as a timeline, each graph drawn
 * in layers at its first and last checkpoint (class attribution graphs instead as each class's
 * pathway at the first, an early and the last checkpoint), and first-layer kernels over training.
 * Each file is written atomically.
 */
final class PngVisualizer implements Visualizer {
  static final String DIR = "figures";
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private final PngParameters p;
  private List<String> layers = List.of();

  PngVisualizer(PngParameters p) {
    this.p = p;
  }

  @Override
  public List<Path> render(RunRecord run) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path dir = run.directory().resolve(DIR);
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Scalars scalars = new Scalars(run);
    layers = run.info().layers().stream().map(org.dsdl.api.model.LayerInfo::name).toList();
    Map<String, Map<String, List<Scalars.Point>>> curves = new LinkedHashMap<>();
    for (String metric : scalars.metrics()) {
      if (!scalars.isEvent(metric)) {
        curves.put(metric, scalars.of(metric));
      }
    }
    // learning curves: train and held-out together
    for (String kind : List.of("loss", "accuracy")) {
      Map<String, Series> both = new LinkedHashMap<>();
      for (String split : List.of("train", "test")) {
        Map<String, List<Scalars.Point>> s = curves.remove("accuracy/" + split + "_" + kind);
        if (s != null && s.containsKey("")) {
          both.put(split.equals("test") ? "held-out" : "train", new Series(s.get(""), split.equals("test") ? Color.BLACK : Palette.category(1)));
        }
      }
      if (!both.isEmpty()) {
        written.addAll(save(dir, "learning-curve-" + kind, lines("Learning curve: " + kind, MetricGuide.of("test_" + kind, ""), both, "")));
      }
    }
    List<String> flat = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Scalars.Point>>> e : curves.entrySet()) {
      if (Companions.baseOf(e.getKey(), curves.keySet()) != null) {
        continue; // drawn on its metric's chart
      }
      if (Companions.flat(e.getValue())) {
        e.getValue().forEach((layer, points) -> flat.add(Companions.row(e.getKey(), layer, points)));
        continue;
      }
      String[] pm = e.getKey().split("/", 2);
      Map<String, Series> byLayer = new LinkedHashMap<>();
      e.getValue().forEach((layer, points) -> {
        String name = layer.isEmpty() ? "network" : layer;
        Series series = new Series(points, layerColour(name));
        series.band(curves.get(e.getKey() + "_ci_low"), curves.get(e.getKey() + "_ci_high"), layer);
        series.nulls(curves.get(e.getKey() + "_null_mean"), curves.get(e.getKey() + "_null_sd"), layer);
        series.bootstrap(curves.get(e.getKey() + "_bootstrap_sd"), layer);
        byLayer.put(name, series);
      });
      String notes = Series.notes(byLayer.values());
      written.addAll(save(dir, e.getKey().replace('/', '-'), lines(pm[0] + ": " + pm[1], MetricGuide.of(pm[1], description(run, pm[0], pm[1])), byLayer, notes)));
    }
    if (!flat.isEmpty()) {
      Path table = dir.resolve("single-values.csv");
      String csv = "probe,metric,layer,value,steps\n" + String.join("\n", flat) + "\n";
      OutputFiles.writeAtomically(table, out -> out.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      written.add(table);
    }
    vectors(run, dir, written);
    matrices(run, dir, written);
    drawings(run, dir, written);
    List<String[]> events = Events.of(run, scalars);
    if (!events.isEmpty()) {
      written.addAll(save(dir, "events-timeline", Events.chart(events)));
    }
    return written;
  }

  private void vectors(RunRecord run, Path dir, List<Path> written) throws IOException {
    Map<String, Map<String, List<Scalars.Point>>> byMetric = new LinkedHashMap<>();
    for (Measurement m : run.measurements()) {
      if (m instanceof VectorMeasurement v && v.key().layer() == null && v.labels().size() <= 20 && !run.info().metrics().isEvent(v.key())) {
        Map<String, List<Scalars.Point>> series = byMetric.computeIfAbsent(v.key().probe() + "/" + v.key().metric(), k -> new LinkedHashMap<>());
        for (int i = 0; i < v.labels().size(); i++) {
          series.computeIfAbsent(v.labels().get(i), k -> new ArrayList<>()).add(new Scalars.Point(v.key().checkpoint(), v.values()[i]));
        }
      }
    }
    for (Map.Entry<String, Map<String, List<Scalars.Point>>> e : byMetric.entrySet()) {
      String[] pm = e.getKey().split("/", 2);
      Map<String, Series> byLabel = new LinkedHashMap<>();
      int i = 0;
      for (Map.Entry<String, List<Scalars.Point>> s : e.getValue().entrySet()) {
        byLabel.put(s.getKey(), new Series(s.getValue(), Palette.category(i++)));
      }
      written.addAll(save(dir, e.getKey().replace('/', '-'), lines(pm[0] + ": " + pm[1] + " by class", MetricGuide.of(pm[1], description(run, pm[0], pm[1])),
          byLabel, "")));
    }
  }

  private void matrices(RunRecord run, Path dir, List<Path> written) throws IOException {
    Map<String, MatrixMeasurement> last = new LinkedHashMap<>();
    for (Measurement m : run.measurements()) {
      if (m instanceof MatrixMeasurement x) {
        last.put(x.key().probe() + "/" + x.key().metric() + (x.key().layer() == null ? "" : "/" + x.key().layer()), x);
      }
    }
    for (Map.Entry<String, MatrixMeasurement> e : last.entrySet()) {
      if (!e.getValue().key().metric().equals("kernels")) {
        written.addAll(save(dir, e.getKey().replace('/', '-') + "-last", heatmap(e.getKey(), e.getValue())));
      }
    }
  }

  /** Each graph at its first and last checkpoint, and kernels at the first, a middle and the last checkpoint. */
  private void drawings(RunRecord run, Path dir, List<Path> written) throws IOException {
    Map<String, List<org.dsdl.api.measure.GraphMeasurement>> graphs = new LinkedHashMap<>();
    Map<String, List<MatrixMeasurement>> kernels = new LinkedHashMap<>();
    for (Measurement m : run.measurements()) {
      String key = m.key().probe() + "-" + m.key().metric() + (m.key().layer() == null ? "" : "-" + m.key().layer());
      if (m instanceof org.dsdl.api.measure.GraphMeasurement g && !AttributionGraphs.is(g)) {
        graphs.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
      } else if (m instanceof MatrixMeasurement x && x.key().metric().equals("kernels")) {
        kernels.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
      }
    }
    for (Map.Entry<String, List<org.dsdl.api.measure.GraphMeasurement>> e : graphs.entrySet()) {
      List<org.dsdl.api.measure.GraphMeasurement> frames = e.getValue();
      for (String which : List.of("first", "last")) {
        var g = which.equals("first") ? frames.get(0) : frames.get(frames.size() - 1);
        written.add(image(dir, e.getKey() + "-" + which, Drawings.graph(g, run.info().classNames(), Math.max(p.width(), 1200), Math.max(p.height(), 700))));
      }
    }
    pathways(run, dir, written);
    for (Map.Entry<String, List<MatrixMeasurement>> e : kernels.entrySet()) {
      List<MatrixMeasurement> frames = e.getValue();
      List<MatrixMeasurement> picked = frames.size() <= 3 ? frames : List.of(frames.get(0), frames.get(frames.size() / 2), frames.get(frames.size() - 1));
      written.add(image(dir, e.getKey() + "-over-training", Drawings.kernels(picked, Math.max(p.width(), 1200), 120 + picked.size() * 70)));
    }
  }

  /** Each class's pathway at the first, an early and the last checkpoint ({@link AttributionGraphs#stills}). */
  private void pathways(RunRecord run, Path dir, List<Path> written) throws IOException {
    List<String> classes = run.info().classNames();
    for (AttributionGraphs graphs : AttributionGraphs.of(run)) {
      List<ClassPathway> all = new ArrayList<>();
      Map<Integer, List<ClassPathway>> byClass = new LinkedHashMap<>();
      graphs.byClass().forEach((k, frames) -> {
        List<ClassPathway> ps = frames.stream().map(g -> graphs.pathway(g, k)).toList();
        byClass.put(k, ps);
        all.addAll(ps);
      });
      double[] max = ClassPathway.maxInfluence(all);
      int rows = all.stream().flatMap(x -> x.columns().stream()).mapToInt(c -> c.units().size()).max().orElse(1);
      for (Map.Entry<Integer, List<ClassPathway>> e : byClass.entrySet()) {
        int k = e.getKey();
        List<org.dsdl.api.measure.GraphMeasurement> frames = graphs.byClass().get(k);
        String name = k < classes.size() ? PathwayDrawing.shorten(classes.get(k), 40) : "class " + k;
        for (AttributionGraphs.Still still : AttributionGraphs.stills(frames.stream().map(g -> g.key().checkpoint()).toList())) {
          var at = frames.get(still.frame()).key().checkpoint();
          String title = graphs.probe() + ": pathway of " + name + " at step " + at.step() + " (checkpoint " + at.index() + ", " + still.name() + ")";
          written.add(image(dir, graphs.probe() + "-pathway-c" + k + "-" + still.name(),
              PathwayDrawing.draw(e.getValue().get(still.frame()), classes, max, rows, title, Math.max(p.width(), 1200), Math.max(p.height(), 700))));
        }
      }
    }
  }

  private Path image(Path dir, String name, java.awt.image.BufferedImage image) throws IOException {
    Path f = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
    OutputFiles.writeAtomically(f, out -> javax.imageio.ImageIO.write(image, "png", out));
    return f;
  }

  private JFreeChart heatmap(String title, MatrixMeasurement m) {
    int rows = m.values().length;
    int cols = m.columnLabels().size();
    double[][] xyz = new double[3][rows * cols];
    for (int i = 0, k = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++, k++) {
        xyz[0][k] = j;
        xyz[1][k] = rows - 1 - i;
        xyz[2][k] = m.values()[i][j];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries(title, xyz);
    double[] range = Heatmaps.range(m.values());
    LookupPaintScale scale = new LookupPaintScale(range[0], range[1] + 1e-12, Color.LIGHT_GRAY);
    for (int s = 0; s <= 64; s++) {
      double v = range[0] + (range[1] - range[0]) * s / 64.0;
      scale.add(v, Heatmaps.colour(v, range));
    }
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    NumberAxis x = cols <= 40 ? new SymbolAxis("", m.columnLabels().toArray(String[]::new)) : new NumberAxis("column");
    List<String> reversed = new ArrayList<>(m.rowLabels());
    java.util.Collections.reverse(reversed);
    NumberAxis y = rows <= 40 ? new SymbolAxis("", reversed.toArray(String[]::new)) : new NumberAxis("row (top = first)");
    x.setTickLabelFont(TICK);
    y.setTickLabelFont(TICK);
    x.setRange(-0.5, cols - 0.5);
    y.setRange(-0.5, rows - 0.5);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(title + " (last checkpoint, step " + m.key().checkpoint().step() + ")", TITLE, plot, false);
    NumberAxis legendAxis = new NumberAxis("value");
    legendAxis.setRange(range[0], range[1] + 1e-12);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    chart.addSubtitle(legend);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /**
   * A line per series against the training step on a log axis (step 0 at 0.5), with each series'
   * band and bars; the y axis is the metric's unit over the values' range, kept inside what the
   * metric can take; under the chart, one line on what a rising line means.
   */
  private JFreeChart lines(String title, MetricGuide guide, Map<String, Series> series, String notes) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    YIntervalSeriesCollection bars = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    XYErrorRenderer barRenderer = new XYErrorRenderer();
    barRenderer.setDefaultLinesVisible(false);
    barRenderer.setErrorStroke(new BasicStroke(3f));
    barRenderer.setCapLength(8);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int i = 0;
    for (Map.Entry<String, Series> e : series.entrySet()) {
      Series sr = e.getValue();
      YIntervalSeries s = new YIntervalSeries(e.getKey(), false, true);
      for (Scalars.Point pt : sr.points) {
        if (Double.isFinite(pt.value())) {
          double[] b = sr.band.get(pt.checkpoint().index());
          double lo = b == null ? pt.value() : b[0];
          double hi = b == null ? pt.value() : b[1];
          s.add(Math.max(0.5, pt.checkpoint().step()), pt.value(), lo, hi);
          min = Math.min(min, Math.min(lo, pt.value()));
          max = Math.max(max, Math.max(hi, pt.value()));
        }
      }
      data.addSeries(s);
      renderer.setSeriesPaint(i, sr.colour);
      renderer.setSeriesFillPaint(i, sr.colour);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
      YIntervalSeries bar = new YIntervalSeries(e.getKey() + " interval", false, true);
      for (Series.Interval iv : sr.intervals) {
        bar.add(Math.max(0.5, iv.step()), iv.mid(), iv.low(), iv.high());
        min = Math.min(min, iv.low());
        max = Math.max(max, iv.high());
      }
      bars.addSeries(bar);
      barRenderer.setSeriesPaint(i, sr.colour);
      barRenderer.setSeriesShape(i, new java.awt.geom.Rectangle2D.Double(-4, -1, 8, 2));
      barRenderer.setSeriesVisibleInLegend(i, false);
      i++;
    }
    renderer.setAlpha(0.18f);
    LogAxis x = new LogAxis("training step (log scale; step 0 drawn at 0.5)");
    x.setSmallestValue(0.5);
    x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
    x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
    x.setLabelFont(LABEL);
    x.setTickLabelFont(TICK);
    NumberAxis y = new NumberAxis(guide.unit());
    y.setLabelFont(LABEL);
    y.setTickLabelFont(TICK);
    if (min <= max) {
      double[] domain = guide.domain(min, max);
      y.setRange(domain[0], domain[1]);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setDataset(1, bars);
    plot.setRenderer(1, barRenderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    JFreeChart chart = new JFreeChart(title, TITLE, plot, data.getSeriesCount() > 1);
    TextTitle caption = new TextTitle(guide.caption() + notes, CAPTION);
    caption.setPosition(RectangleEdge.BOTTOM);
    caption.setPaint(new Color(80, 86, 100));
    chart.addSubtitle(caption);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** A layer's colour by depth (the model's layer order); black for the whole network or a layer the model does not list. */
  private Color layerColour(String name) {
    int at = layers.indexOf(name);
    return at < 0 ? Color.BLACK : Palette.depth(at, layers.size());
  }

  private static String description(RunRecord run, String probe, String metric) {
    return run.info().metrics().of(probe, metric).map(org.dsdl.api.probe.MetricSpec::description).orElse("");
  }

  /** Writes the chart as PNG (and SVG with {@code svg: true}); returns the files written. */
  private List<Path> save(Path dir, String name, JFreeChart chart) throws IOException {
    String base = name.replaceAll("[^A-Za-z0-9._-]", "_");
    Path f = dir.resolve(base + ".png");
    OutputFiles.writeAtomically(f, out -> ChartUtils.writeChartAsPNG(out, chart, p.width(), p.height()));
    if (p.svg()) {
      String document = SvgExport.document(chart, p.width(), p.height(), "dsdl-" + base + "-");
      Path svg = dir.resolve(base + ".svg");
      OutputFiles.writeAtomically(svg, out -> out.write(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return List.of(f, svg);
    }
    return List.of(f);
  }
}
