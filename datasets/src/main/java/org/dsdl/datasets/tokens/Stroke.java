package org.dsdl.datasets.tokens;

/** A stroke primitive in the unit square (x right, y down); glyphs share them. */
sealed interface Stroke permits Stroke.Line, Stroke.Arc {

  /** A straight segment from (x1, y1) to (x2, y2). */
  record Line(double x1, double y1, double x2, double y2) implements Stroke {}

  /** An arc of a circle centred at (cx, cy), radius r, from {@code start} degrees spanning {@code extent} degrees (Java2D convention). */
  record Arc(double cx, double cy, double r, double start, double extent) implements Stroke {}
}
