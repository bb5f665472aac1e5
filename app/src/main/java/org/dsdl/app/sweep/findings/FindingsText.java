package org.dsdl.app.sweep.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dsdl.app.config.Printable;

/**
 * The last lines {@code dsdl sweep} prints, as {@code dsdl run} ends with its findings: per
 * condition, the findings that hold in at least one seed, most often held first (at most
 * {@link #PER_CONDITION}), each with the fraction of seeds and where it emerged, the median and
 * range of its step; then how many more there are in {@code findings.csv}.
 */
public final class FindingsText {
  /** The most findings printed per condition. */
  public static final int PER_CONDITION = 8;

  private FindingsText() {}

  /** The lines for {@code found}, written to {@code file}; none when no run wrote findings. */
  public static List<String> lines(String file, List<FindingAcrossSeeds> found) {
    Map<String, List<FindingAcrossSeeds>> byCondition = new LinkedHashMap<>();
    found.forEach(f -> byCondition.computeIfAbsent(f.condition(), c -> new ArrayList<>()).add(f));
    if (byCondition.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("findings across seeds (" + file + "): in how many seeds each holds (emerged, or present at initialisation, beyond its control)");
    byCondition.forEach((condition, list) -> {
      int n = list.get(0).n();
      out.add("  " + Printable.of(condition) + " (" + n + (n == 1 ? " seed" : " seeds") + "):");
      List<FindingAcrossSeeds> held = new ArrayList<>(list.stream().filter(f -> f.held() > 0).toList());
      held.sort(Comparator.comparingInt(FindingAcrossSeeds::held).reversed());
      held.stream().limit(PER_CONDITION).forEach(f -> out.add("    - " + line(f)));
      int more = Math.max(0, held.size() - PER_CONDITION);
      int never = list.size() - held.size();
      if (held.isEmpty()) {
        out.add("    no finding holds in any seed");
      }
      if (more > 0 || never > 0) {
        List<String> rest = new ArrayList<>();
        if (more > 0) {
          rest.add(more + " more held in some seeds");
        }
        if (never > 0) {
          rest.add(never + " held in no seed");
        }
        out.add("    (" + String.join("; ", rest) + "; see " + FindingsCsv.FILE + ")");
      }
    });
    return List.copyOf(out);
  }

  /** One finding, e.g. {@code layer identity · fc2: 2/3 seeds (emerged 2, step median 40, range 20–80)}. */
  static String line(FindingAcrossSeeds f) {
    StringBuilder s = new StringBuilder(f.key().topicText()).append(" · ").append(Printable.of(f.key().subject(), 80)).append(": ")
        .append(f.held()).append('/').append(f.n()).append(f.n() == 1 ? " seed" : " seeds");
    List<String> detail = new ArrayList<>();
    if (f.emerged() > 0) {
      detail.add("emerged " + f.emerged() + (f.stepN() == 0 ? ""
          : f.stepMin() == f.stepMax() ? ", step " + number(f.stepMedian())
          : ", step median " + number(f.stepMedian()) + ", range " + number(f.stepMin()) + "–" + number(f.stepMax())));
    }
    if (f.presentAtInitialisation() > 0) {
      detail.add("present at initialisation " + f.presentAtInitialisation());
    }
    if (f.notReported() > 0) {
      detail.add("not reported " + f.notReported());
    }
    return s.append(" (").append(String.join("; ", detail)).append(')').toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
