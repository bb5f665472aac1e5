package org.dsdl.datasets.tokens;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders one exemplar of a glyph with Java2D: a random similarity transform (shift, scale,
 * rotation), per-stroke jitter and bending, random stroke width and ink, faint distractor strokes
 * and Gaussian pixel noise. Everything random comes from the given generator, so an exemplar is a
 * pure function of (glyph, parameters, generator state).
 */
final class GlyphRenderer {
  private final TokensParameters p;

  GlyphRenderer(TokensParameters p) {
    this.p = p;
  }

  /** Writes the exemplar's pixels, in [0, 1], into {@code out} at {@code offset}. */
  void render(Glyph glyph, SplittableRandom rnd, float[] out, int offset) {
    int size = p.size();
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, size, size);

      AffineTransform t = new AffineTransform();
      t.translate(size * (0.5 + uniform(rnd, p.shift())), size * (0.5 + uniform(rnd, p.shift())));
      t.rotate(Math.toRadians(uniform(rnd, p.rotation())));
      double s = size * (1 + uniform(rnd, p.scale()));
      t.scale(s, s);
      t.translate(-0.5, -0.5);

      float width = (float) ((p.strokeMin() + rnd.nextDouble() * (p.strokeMax() - p.strokeMin())) * size / s);
      g.setTransform(t);
      g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));

      int distractors = p.clutter() == 0 ? 0 : rnd.nextInt(p.clutter() + 1);
      for (int k = 0; k < distractors; k++) {
        Stroke d = GlyphCatalog.PRIMITIVES.get(rnd.nextInt(GlyphCatalog.PRIMITIVES.size()));
        g.setColor(gray(0.35 + 0.45 * rnd.nextDouble()));
        draw(g, shorten(d, rnd), rnd);
      }
      g.setColor(gray(0.6 + 0.4 * rnd.nextDouble()));
      for (Stroke stroke : glyph.strokes()) {
        draw(g, stroke, rnd);
      }
    } finally {
      g.dispose();
    }
    Raster r = img.getRaster();
    int[] px = r.getPixels(0, 0, size, size, (int[]) null);
    for (int i = 0; i < px.length; i++) {
      double v = px[i] / 255.0 + (p.noise() > 0 ? rnd.nextGaussian() * p.noise() : 0);
      out[offset + i] = (float) Math.min(1, Math.max(0, v));
    }
  }

  private static Color gray(double level) {
    int v = (int) Math.round(255 * Math.min(1, level));
    return new Color(v, v, v);
  }

  private static double uniform(SplittableRandom rnd, double max) {
    return max == 0 ? 0 : (rnd.nextDouble() * 2 - 1) * max;
  }

  /** A distractor: a random part (40–80%) of a primitive's length, so it is not a whole glyph part. */
  private static Stroke shorten(Stroke s, SplittableRandom rnd) {
    double keep = 0.4 + 0.4 * rnd.nextDouble();
    double from = rnd.nextDouble() * (1 - keep);
    if (s instanceof Stroke.Line l) {
      return new Stroke.Line(
          l.x1() + (l.x2() - l.x1()) * from, l.y1() + (l.y2() - l.y1()) * from,
          l.x1() + (l.x2() - l.x1()) * (from + keep), l.y1() + (l.y2() - l.y1()) * (from + keep));
    }
    Stroke.Arc a = (Stroke.Arc) s;
    return new Stroke.Arc(a.cx(), a.cy(), a.r(), a.start() + a.extent() * from, a.extent() * keep);
  }

  private void draw(Graphics2D g, Stroke stroke, SplittableRandom rnd) {
    double d = p.distortion();
    if (stroke instanceof Stroke.Line l) {
      double x1 = l.x1() + uniform(rnd, d);
      double y1 = l.y1() + uniform(rnd, d);
      double x2 = l.x2() + uniform(rnd, d);
      double y2 = l.y2() + uniform(rnd, d);
      double bend = uniform(rnd, 2 * d);
      double mx = (x1 + x2) / 2 - (y2 - y1) * bend;
      double my = (y1 + y2) / 2 + (x2 - x1) * bend;
      g.draw(new QuadCurve2D.Double(x1, y1, mx, my, x2, y2));
    } else if (stroke instanceof Stroke.Arc a) {
      double r = a.r() * (1 + uniform(rnd, d));
      double cx = a.cx() + uniform(rnd, d);
      double cy = a.cy() + uniform(rnd, d);
      g.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, a.start() + uniform(rnd, 60 * d), a.extent(), Arc2D.OPEN));
    }
  }

  /** Names of the glyphs, for class names. */
  static List<String> names(List<Glyph> glyphs) {
    return glyphs.stream().map(Glyph::name).toList();
  }
}
