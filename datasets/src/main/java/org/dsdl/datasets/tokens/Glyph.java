package org.dsdl.datasets.tokens;

import java.util.List;

/** A token's prototype: a name and the stroke primitives it is drawn from. */
record Glyph(String name, List<Stroke> strokes) {
  Glyph {
    strokes = List.copyOf(strokes);
  }
}
