package org.dsdl.app.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dsdl.api.viz.MetricGuide;

/**
 * A metric's {@link MetricGuide} as the fields a dsdl page reads from its data (the comparison of
 * runs, a sweep's report): {@code unit}, {@code rising}, and {@code lower} and {@code upper}, null
 * where the metric has no such bound.
 */
public final class GuideFields {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private GuideFields() {}

  /** Puts {@code guide}'s fields into {@code node}; returns {@code node}. */
  public static ObjectNode put(ObjectNode node, MetricGuide guide) {
    node.put("unit", guide.unit()).put("rising", guide.rising());
    node.set("lower", Double.isNaN(guide.lower()) ? F.nullNode() : F.numberNode(guide.lower()));
    node.set("upper", Double.isNaN(guide.upper()) ? F.nullNode() : F.numberNode(guide.upper()));
    return node;
  }
}
