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
import org.dsdl.visualizers.common.Heatmaps;
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
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Publication figures under {@code figures/}, drawn with JFreeChart: for every scalar metric a line
 * per layer against the training step on a log axis (step 0 drawn at 0.5, as the axis label says),
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
  private final PngParameters p;

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
    Map<String, Map<String, List<Scalars.Point>>> curves = new LinkedHashMap<>();
    for (String metric : scalars.metrics()) {
      if (!scalars.isEvent(metric)) {
        curves.put(metric, scalars.of(metric));
      }
    }
    // learning curves: train and held-out together
    for (String kind : List.of("loss", "accuracy")) {
      Map<String, List<Scalars.Point>> both = new LinkedHashMap<>();
      for (String split : List.of("train", "test")) {
        Map<String, List<Scalars.Point>> s = curves.remove("accuracy/" + split + "_" + kind);
        if (s != null && s.containsKey("")) {
          both.put(split.equals("test") ? "held-out" : "train", s.get(""));
        }
      }
      if (!both.isEmpty()) {
        written.addAll(save(dir, "learning-curve-" + kind, lines("Learning curve: " + kind, kind, both)));
      }
    }
    for (Map.Entry<String, Map<String, List<Scalars.Point>>> e : curves.entrySet()) {
      Map<String, List<Scalars.Point>> byLayer = new LinkedHashMap<>();
      e.getValue().forEach((layer, points) -> byLayer.put(layer.isEmpty() ? "network" : layer, points));
      String[] pm = e.getKey().split("/", 2);
      written.addAll(save(dir, e.getKey().replace('/', '-'), lines(pm[0] + ": " + pm[1], pm[1], byLayer)));
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
      written.addAll(save(dir, e.getKey().replace('/', '-'), lines(pm[0] + ": " + pm[1] + " by class", pm[1], e.getValue())));
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

  /** A line per series against the training step on a log axis (step 0 at 0.5). */
  private JFreeChart lines(String title, String yLabel, Map<String, List<Scalars.Point>> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<Scalars.Point>> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (Scalars.Point pt : e.getValue()) {
        if (Double.isFinite(pt.value())) {
          s.add(Math.max(0.5, pt.checkpoint().step()), pt.value());
        }
      }
      data.addSeries(s);
    }
    LogAxis x = new LogAxis("training step (log scale; step 0 drawn at 0.5)");
    x.setSmallestValue(0.5);
    x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
    x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
    x.setLabelFont(LABEL);
    x.setTickLabelFont(TICK);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    y.setLabelFont(LABEL);
    y.setTickLabelFont(TICK);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    JFreeChart chart = new JFreeChart(title, TITLE, plot, data.getSeriesCount() > 1);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
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
