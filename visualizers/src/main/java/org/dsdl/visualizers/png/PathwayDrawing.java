package org.dsdl.visualizers.png;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.dsdl.visualizers.pathway.ClassPathway;

/**
 * A class's pathway as a figure: its layers as columns in network order, each column's kept units
 * (largest share at top, area by share, labelled with their unit index, coloured by preferred
 * class), the kept edges between them as wide as their influence relative to the layer pair's
 * largest over the run, in the class's colour where both units prefer it, grey otherwise.
 */
final class PathwayDrawing {
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color EDGE = new Color(150, 156, 170, 130);
  private static final Color DEAD = Color.LIGHT_GRAY;

  private PathwayDrawing() {}

  /**
   * The drawing.
   *
   * @param p the pathway
   * @param classes the class names (index = class)
   * @param maxInfluence per layer pair, the influence drawn at full width
   * @param rows the rows each column has room for (the most units any compared pathway keeps in a layer)
   * @param title the figure's title
   */
  static BufferedImage draw(ClassPathway p, List<String> classes, double[] maxInfluence, int rows, String title, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D d = img.createGraphics();
    d.setColor(Color.WHITE);
    d.fillRect(0, 0, width, height);
    d.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    d.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    int n = p.columns().size();
    int top = 96;
    int bottom = height - 84;
    double rowH = (bottom - top) / (double) Math.max(1, rows);
    double[] x = new double[n];
    for (int l = 0; l < n; l++) {
      x[l] = 90 + l * (width - 180.0) / Math.max(1, n - 1);
    }
    Color own = colour(p.classIndex());
    for (ClassPathway.Link link : p.links()) {
      int l = link.column();
      int a = p.columns().get(l).units().get(link.source()).preferredClass();
      int b = p.columns().get(l + 1).units().get(link.target()).preferredClass();
      boolean both = a == p.classIndex() && b == p.classIndex();
      double max = l < maxInfluence.length && maxInfluence[l] > 0 ? maxInfluence[l] : 1;
      d.setColor(both ? new Color(own.getRed(), own.getGreen(), own.getBlue(), 200) : EDGE);
      d.setStroke(new BasicStroke((float) (0.6 + 7 * Math.max(0, link.influence()) / max), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      d.drawLine((int) x[l], (int) (top + (link.source() + 0.5) * rowH), (int) x[l + 1], (int) (top + (link.target() + 0.5) * rowH));
    }
    d.setStroke(new BasicStroke(1.5f));
    for (int l = 0; l < n; l++) {
      ClassPathway.Column c = p.columns().get(l);
      d.setFont(LABEL);
      d.setColor(Color.DARK_GRAY);
      centred(d, c.layer(), x[l], top - 34);
      d.setFont(SMALL);
      d.setColor(Color.GRAY);
      centred(d, c.width() + " units", x[l], top - 18);
      if (c.units().isEmpty()) {
        centred(d, "(none)", x[l], top + rowH / 2);
      }
      for (int j = 0; j < c.units().size(); j++) {
        ClassPathway.Unit u = c.units().get(j);
        double r = Math.min(13, 3.5 + 10 * Math.sqrt(u.share()));
        double y = top + (j + 0.5) * rowH;
        d.setColor(u.preferredClass() >= 0 ? colour(u.preferredClass()) : DEAD);
        d.fill(new java.awt.geom.Ellipse2D.Double(x[l] - r, y - r, 2 * r, 2 * r));
        d.setColor(Color.WHITE);
        d.draw(new java.awt.geom.Ellipse2D.Double(x[l] - r, y - r, 2 * r, 2 * r));
        d.setColor(Color.DARK_GRAY);
        d.drawString(Integer.toString(u.index()), (float) (x[l] + r + 4), (float) (y + 4));
      }
    }
    d.setFont(LABEL);
    int lx = 20;
    for (int i = 0; i < classes.size(); i++) {
      String name = shorten(classes.get(i), 24);
      d.setColor(colour(i));
      d.fillOval(lx, height - 62, 12, 12);
      d.setColor(Color.DARK_GRAY);
      d.drawString(name, lx + 16, height - 51);
      lx += 30 + d.getFontMetrics().stringWidth(name);
    }
    d.setColor(Color.GRAY);
    d.setFont(SMALL);
    d.drawString("node: a unit (label = its index), colour = its preferred class, area = the share of the class's kept influence that runs through it", 20, height - 28);
    d.drawString("edge: a kept influence, width relative to the layer pair's largest over the run, in the class's colour where both units prefer the class", 20, height - 12);
    d.setColor(Color.BLACK);
    d.setFont(TITLE);
    d.drawString(title, 16, 28);
    d.dispose();
    return img;
  }

  /** A class's colour, as the report gives it. */
  private static Color colour(int c) {
    return Drawings.PALETTE[c % Drawings.PALETTE.length];
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static void centred(Graphics2D d, String text, double x, double y) {
    d.drawString(text, (float) (x - d.getFontMetrics().stringWidth(text) / 2.0), (float) y);
  }
}
