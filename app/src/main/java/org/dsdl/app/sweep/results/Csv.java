package org.dsdl.app.sweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dsdl.app.sweep.SweepRun;

/** CSV cells as dsdl writes them (RFC 4180 quoting; whole numbers without a decimal point, as metrics.csv). */
public final class Csv {
  private Csv() {}

  /** A number as a cell: whole numbers without a decimal point, others as {@link Double#toString}. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Text as a cell, quoted where it holds a comma, a quote or a line break; null as an empty cell. */
  public static String quote(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** A setting's value as a cell: text as it is, anything else as compact JSON. */
  public static String value(JsonNode v) {
    return v == null ? "" : quote(v.isTextual() ? v.asText() : v.toString());
  }

  /** Every key any run sets, in first-seen order: a column each. */
  public static List<String> settingKeys(List<SweepRun> runs) {
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.settings().keySet()));
    return new ArrayList<>(keys);
  }
}
