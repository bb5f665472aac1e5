package org.dsdl.datasets.tokens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The token prototypes. Every glyph is a combination of a small pool of primitives (bars, diagonals,
 * arcs), and every primitive is used by several glyphs: categories share low-level features, so the
 * network must couple simple detectors into glyph-specific ones to tell them apart.
 */
final class GlyphCatalog {
  static final Stroke H_TOP = new Stroke.Line(0.2, 0.2, 0.8, 0.2);
  static final Stroke H_MID = new Stroke.Line(0.2, 0.5, 0.8, 0.5);
  static final Stroke H_BOT = new Stroke.Line(0.2, 0.8, 0.8, 0.8);
  static final Stroke V_LEFT = new Stroke.Line(0.2, 0.2, 0.2, 0.8);
  static final Stroke V_MID = new Stroke.Line(0.5, 0.2, 0.5, 0.8);
  static final Stroke V_RIGHT = new Stroke.Line(0.8, 0.2, 0.8, 0.8);
  static final Stroke D_DOWN = new Stroke.Line(0.2, 0.2, 0.8, 0.8);
  static final Stroke D_UP = new Stroke.Line(0.2, 0.8, 0.8, 0.2);
  static final Stroke ARC_TOP = new Stroke.Arc(0.5, 0.5, 0.3, 0, 180);
  static final Stroke ARC_BOTTOM = new Stroke.Arc(0.5, 0.5, 0.3, 180, 180);

  /** The primitive pool, in a fixed order (distractor strokes are drawn from it too). */
  static final List<Stroke> PRIMITIVES =
      List.of(H_TOP, H_MID, H_BOT, V_LEFT, V_MID, V_RIGHT, D_DOWN, D_UP, ARC_TOP, ARC_BOTTOM);

  /**
   * Hand-designed glyphs; the default task uses the first five, in which every glyph shares at
   * least one primitive with another (T–Z: top bar; L–Z: bottom bar; X–Z: rising diagonal; X–N:
   * falling diagonal; L–N: left bar).
   */
  static final List<Glyph> DESIGNED = List.of(
      new Glyph("T", List.of(H_TOP, V_MID)),
      new Glyph("L", List.of(V_LEFT, H_BOT)),
      new Glyph("X", List.of(D_DOWN, D_UP)),
      new Glyph("N", List.of(V_LEFT, D_DOWN, V_RIGHT)),
      new Glyph("Z", List.of(H_TOP, D_UP, H_BOT)),
      new Glyph("Arch", List.of(ARC_TOP, V_LEFT, V_RIGHT)),
      new Glyph("H", List.of(V_LEFT, H_MID, V_RIGHT)),
      new Glyph("O", List.of(ARC_TOP, ARC_BOTTOM)),
      new Glyph("E", List.of(V_LEFT, H_TOP, H_MID, H_BOT)),
      new Glyph("U", List.of(ARC_BOTTOM, V_LEFT, V_RIGHT)));

  private GlyphCatalog() {}

  /**
   * The first {@code count} glyphs: the designed ones, then (beyond ten) seeded random combinations
   * of two or three primitives, distinct from every glyph before them.
   */
  static List<Glyph> glyphs(int count, long seed) {
    List<Glyph> out = new ArrayList<>(DESIGNED.subList(0, Math.min(count, DESIGNED.size())));
    Set<Set<Stroke>> used = new LinkedHashSet<>();
    for (Glyph g : out) {
      used.add(Set.copyOf(g.strokes()));
    }
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    while (out.size() < count) {
      int parts = 2 + rnd.nextInt(2);
      Set<Stroke> combo = new LinkedHashSet<>();
      while (combo.size() < parts) {
        combo.add(PRIMITIVES.get(rnd.nextInt(PRIMITIVES.size())));
      }
      if (used.add(Set.copyOf(combo))) {
        out.add(new Glyph("G" + out.size(), List.copyOf(combo)));
      }
    }
    return out;
  }
}
