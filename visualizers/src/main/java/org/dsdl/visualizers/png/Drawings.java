package org.dsdl.visualizers.png;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.GraphMeasurement;
import org.dsdl.api.measure.MatrixMeasurement;
import org.dsdl.visualizers.common.Heatmaps;

/** Figures that are drawings rather than charts: a graph in layers, and convolution kernels as tiles. */
final class Drawings {
  /** Class colours, as the report uses them. */
  static final Color[] PALETTE = java.util.stream.IntStream.range(0, 7).mapToObj(org.dsdl.visualizers.common.Palette::category).toArray(Color[]::new);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  private Drawings() {}

  /**
   * The graph with its groups as columns (in first-seen order), nodes coloured by their
   * {@code preferred_class} attribute (grey if dead or absent), edges coloured like the node they
   * enter and as wide as their weight relative to the largest.
   */
  static BufferedImage graph(GraphMeasurement g, List<String> classes, int width, int height) {
    BufferedImage img = canvas(width, height);
    Graphics2D d = img.createGraphics();
    d.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    List<String> groups = new ArrayList<>();
    Map<String, Integer> count = new HashMap<>();
    for (GraphMeasurement.Node n : g.nodes()) {
      if (!groups.contains(n.group())) {
        groups.add(n.group());
      }
      count.merge(n.group(), 1, Integer::sum);
    }
    Map<String, double[]> at = new HashMap<>();
    Map<String, Color> colour = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    int top = 60;
    int bottom = height - 50;
    for (GraphMeasurement.Node n : g.nodes()) {
      int c = groups.indexOf(n.group());
      int k = seen.merge(n.group(), 1, Integer::sum) - 1;
      double x = 70 + c * (width - 140.0) / Math.max(1, groups.size() - 1);
      double y = top + (k + 0.5) * (bottom - top) / count.get(n.group());
      at.put(n.id(), new double[] {x, y});
      double pc = n.attributes().getOrDefault("preferred_class", -1.0);
      boolean dead = n.attributes().getOrDefault("dead", 0.0) == 1.0;
      colour.put(n.id(), dead || pc < 0 ? Color.LIGHT_GRAY : PALETTE[(int) pc % PALETTE.length]);
    }
    double max = g.edges().stream().mapToDouble(e -> Math.abs(e.weight())).max().orElse(1);
    for (GraphMeasurement.Edge e : g.edges()) {
      double[] a = at.get(e.source());
      double[] b = at.get(e.target());
      if (a == null || b == null) {
        continue;
      }
      Color c = colour.get(e.target());
      d.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
      d.setStroke(new BasicStroke((float) (0.3 + 2.2 * Math.abs(e.weight()) / (max == 0 ? 1 : max))));
      d.drawLine((int) a[0], (int) a[1], (int) b[0], (int) b[1]);
    }
    for (GraphMeasurement.Node n : g.nodes()) {
      double[] p = at.get(n.id());
      d.setColor(colour.get(n.id()));
      d.fillOval((int) p[0] - 3, (int) p[1] - 3, 6, 6);
    }
    d.setColor(Color.DARK_GRAY);
    d.setFont(LABEL);
    for (int c = 0; c < groups.size(); c++) {
      String name = groups.get(c);
      int x = (int) (70 + c * (width - 140.0) / Math.max(1, groups.size() - 1));
      d.drawString(name, x - d.getFontMetrics().stringWidth(name) / 2, top - 12);
    }
    int x = 20;
    for (int i = 0; i < classes.size(); i++) {
      d.setColor(PALETTE[i % PALETTE.length]);
      d.fillRect(x, height - 30, 12, 12);
      d.setColor(Color.DARK_GRAY);
      d.drawString(classes.get(i), x + 16, height - 19);
      x += 26 + d.getFontMetrics().stringWidth(classes.get(i));
    }
    title(d, g.key().probe() + ": " + g.key().metric() + " at step " + g.key().checkpoint().step() + " (" + g.edges().size()
        + " edges; colour = preferred class)");
    d.dispose();
    return img;
  }

  /**
   * Kernels as tiles, one row of tiles per checkpoint given: each filter's window (mean over input
   * channels) on a blue–white–red scale shared by all rows. Columns are named {@code y{y}x{x}c{c}}.
   */
  static BufferedImage kernels(List<MatrixMeasurement> frames, int width, int height) {
    BufferedImage img = canvas(width, height);
    Graphics2D d = img.createGraphics();
    MatrixMeasurement first = frames.get(0);
    int ky = 0;
    int kx = 0;
    int kc = 0;
    for (String c : first.columnLabels()) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("y(\\d+)x(\\d+)c(\\d+)").matcher(c);
      if (m.matches()) {
        ky = Math.max(ky, Integer.parseInt(m.group(1)) + 1);
        kx = Math.max(kx, Integer.parseInt(m.group(2)) + 1);
        kc = Math.max(kc, Integer.parseInt(m.group(3)) + 1);
      }
    }
    double[][] all = frames.stream().flatMap(f -> java.util.Arrays.stream(f.values())).toArray(double[][]::new);
    double[] range = Heatmaps.range(all);
    int filters = first.values().length;
    int tile = Math.max(4, Math.min(40, (width - 160) / Math.max(1, filters) - 4));
    int cell = Math.max(1, tile / Math.max(1, Math.max(kx, ky)));
    d.setFont(LABEL);
    for (int r = 0; r < frames.size(); r++) {
      MatrixMeasurement f = frames.get(r);
      int y0 = 60 + r * (cell * ky + 24);
      d.setColor(Color.DARK_GRAY);
      d.drawString("step " + f.key().checkpoint().step(), 10, y0 + cell * ky / 2 + 5);
      for (int k = 0; k < filters; k++) {
        int x0 = 140 + k * (cell * kx + 4);
        for (int y = 0; y < ky; y++) {
          for (int x = 0; x < kx; x++) {
            double v = 0;
            for (int c = 0; c < kc; c++) {
              v += f.values()[k][(y * kx + x) * kc + c];
            }
            d.setColor(Heatmaps.colour(v / kc, range));
            d.fillRect(x0 + x * cell, y0 + y * cell, cell, cell);
          }
        }
      }
    }
    title(d, first.key().probe() + ": " + first.key().metric() + " of " + first.key().layer() + " (" + filters + " filters, "
        + ky + "x" + kx + "; red positive, blue negative)");
    d.dispose();
    return img;
  }

  private static BufferedImage canvas(int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D d = img.createGraphics();
    d.setColor(Color.WHITE);
    d.fillRect(0, 0, width, height);
    d.dispose();
    return img;
  }

  private static void title(Graphics2D d, String text) {
    d.setColor(Color.BLACK);
    d.setFont(TITLE);
    d.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    d.drawString(text, 16, 28);
  }
}
