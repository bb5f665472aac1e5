package org.dsdl.visualizers.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.ScalarMeasurement;
import org.dsdl.api.measure.VectorMeasurement;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;
import org.dsdl.visualizers.findings.Finding.Topic;
import org.dsdl.visualizers.findings.Finding.Verdict;

/**
 * What a run found, read from the measurements of the built-in probes' events and controls (by
 * metric name, whatever the probes are called in the run): class identity onsets in order, each
 * layer's identity onset against the untrained network and the control task, each layer's coupling
 * onset, the layers' settling order, the coupling graph's class assortativity against its
 * node-label null, and each layer's class pathway onsets (class attribution). A claim that fails its control is kept with the verdict
 * {@link Verdict#NOT_DISTINGUISHABLE}, so a reader sees what was tested and did not hold. A metric
 * that was not measured yields no finding.
 */
public final class Findings {
  /** The significance level at which the assortativity beats its null. */
  static final double ALPHA = 0.05;

  private final RunRecord run;
  private final List<Checkpoint> checkpoints;

  private Findings(RunRecord run) {
    this.run = run;
    this.checkpoints = run.info().checkpoints();
  }

  /** The findings of {@code run}: stated ones first (in the order above), then the rest. */
  public static List<Finding> of(RunRecord run) {
    Findings f = new Findings(run);
    List<Finding> all = new ArrayList<>();
    all.addAll(f.classIdentity());
    all.addAll(f.layerIdentity());
    all.addAll(f.coupling());
    all.addAll(f.settling());
    all.addAll(f.assortativity());
    all.addAll(f.pathways());
    List<Finding> ordered = new ArrayList<>(all.stream().filter(Finding::stated).toList());
    ordered.addAll(all.stream().filter(x -> !x.stated()).toList());
    return List.copyOf(ordered);
  }

  private List<Finding> classIdentity() {
    List<Finding> out = new ArrayList<>();
    for (Measurement m : run.measurements()) {
      if (m instanceof VectorMeasurement v && v.key().metric().equals("identity_onset_step") && v.key().layer() == null) {
        List<Finding> found = new ArrayList<>();
        for (int c = 0; c < v.values().length; c++) {
          String name = v.labels().get(c);
          double step = v.values()[c];
          if (Double.isFinite(step) && first() != null && step <= first().step()) {
            found.add(new Finding(Topic.CLASS_IDENTITY, name, Verdict.NOT_DISTINGUISHABLE, String.format(Locale.ROOT,
                "class %s: held-out recall is already at the onset threshold in the untrained network (step %d), which says more about"
                    + " the untrained network's bias than about identity", name, (long) step), (long) step, "onset at the first checkpoint"));
          } else if (Double.isFinite(step)) {
            found.add(new Finding(Topic.CLASS_IDENTITY, name, Verdict.EMERGED,
                String.format(Locale.ROOT, "class %s: held-out recall stays at or above the onset threshold from step %d", name, (long) step),
                (long) step, bracket((long) step)));
          } else {
            found.add(new Finding(Topic.CLASS_IDENTITY, name, Verdict.NOT_DISTINGUISHABLE,
                "class " + name + ": held-out recall never stays at the onset threshold", null, "no onset"));
          }
        }
        found.sort(Comparator.comparing((Finding x) -> x.step() == null ? Long.MAX_VALUE : x.step()));
        out.addAll(found);
      }
    }
    return out;
  }

  private List<Finding> layerIdentity() {
    List<Finding> out = new ArrayList<>();
    for (ScalarMeasurement e : layerScalars("identity_onset_step").values()) {
      String layer = e.key().layer();
      String probe = e.key().probe(); // the other numbers from the same probe, should a run have two
      // the control task runs at some checkpoints only: its last one is the run's last unless the run stopped early
      Checkpoint controlAt = lastWith(probe, layer, "control_accuracy");
      boolean control = controlAt != null;
      String beyond = control ? "the untrained network and the control task" : "the untrained network (no control task ran)";
      String end = !control ? "at the end probe accuracy " + at(probe, layer, "probe_accuracy", last())
          : controlAt.index() == last().index()
              ? String.format(Locale.ROOT, "at the end probe accuracy %s, control %s, selectivity %s", at(probe, layer, "probe_accuracy", last()),
                  at(probe, layer, "control_accuracy", last()), withInterval(probe, layer, "selectivity", last()))
              : String.format(Locale.ROOT, "at the end probe accuracy %s; at step %d, the last with a control, probe %s, control %s, selectivity %s",
                  at(probe, layer, "probe_accuracy", last()), controlAt.step(), at(probe, layer, "probe_accuracy", controlAt),
                  at(probe, layer, "control_accuracy", controlAt), withInterval(probe, layer, "selectivity", controlAt));
      double step = e.value();
      boolean atInit = value(probe, layer, "identity_at_init", first()).map(x -> x == 1).orElse(false);
      if (Double.isFinite(step)) {
        out.add(new Finding(Topic.LAYER_IDENTITY, layer, Verdict.EMERGED, String.format(Locale.ROOT,
            "layer %s: class identity becomes linearly decodable beyond %s from step %d; %s", layer, beyond, (long) step, end),
            (long) step, bracket((long) step)));
      } else if (atInit) {
        out.add(new Finding(Topic.LAYER_IDENTITY, layer, Verdict.PRESENT_AT_INITIALISATION, String.format(Locale.ROOT,
            "layer %s: class identity is already linearly decodable in the untrained network (probe accuracy %s%s) and does"
                + " not rise beyond it by the onset margin; %s", layer, at(probe, layer, "probe_accuracy", first()),
            control ? ", control " + at(probe, layer, "control_accuracy", first()) : "", end), null,
            control ? "selectivity " + withInterval(probe, layer, "selectivity", first()) + " at step 0" : "no control task"));
      } else {
        out.add(new Finding(Topic.LAYER_IDENTITY, layer, Verdict.NOT_DISTINGUISHABLE,
            "layer " + layer + ": no identity onset beyond " + beyond + "; " + end, null, "no onset"));
      }
    }
    return out;
  }

  private List<Finding> coupling() {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, ScalarMeasurement> e : layerScalars("coupling_onset_step").entrySet()) {
      double step = e.getValue().value();
      String layer = e.getKey();
      out.add(Double.isFinite(step)
          ? new Finding(Topic.COUPLING, layer, Verdict.EMERGED, String.format(Locale.ROOT,
              "layer %s: filter coupling leaves its untrained value (beyond its bootstrap spread) from step %d", layer, (long) step),
              (long) step, bracket((long) step))
          : new Finding(Topic.COUPLING, layer, Verdict.NOT_DISTINGUISHABLE,
              "layer " + layer + ": filter coupling stays within the untrained network's bootstrap spread", null, "no onset"));
    }
    return out;
  }

  private List<Finding> settling() {
    Map<String, ScalarMeasurement> settled = layerScalars("settling_step");
    if (settled.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<String, ScalarMeasurement>> order = settled.entrySet().stream().filter(e -> Double.isFinite(e.getValue().value()))
        .sorted(Comparator.comparingDouble(e -> e.getValue().value())).toList();
    List<String> never = settled.entrySet().stream().filter(e -> !Double.isFinite(e.getValue().value())).map(Map.Entry::getKey).toList();
    StringBuilder s = new StringBuilder("layers settle into their final representation in this order: ");
    for (int i = 0; i < order.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(order.get(i).getKey()).append(" (step ").append((long) order.get(i).getValue().value()).append(')');
    }
    if (order.isEmpty()) {
      s.append("none");
    }
    if (!never.isEmpty()) {
      s.append("; not settled: ").append(String.join(", ", never));
    }
    return List.of(new Finding(Topic.SETTLING, "layers", order.isEmpty() ? Verdict.NOT_DISTINGUISHABLE : Verdict.EMERGED, s.toString(),
        null, "each step is the first checkpoint from which CKA to the final representation stays at the threshold"));
  }

  private List<Finding> assortativity() {
    Optional<Double> p = wholeNetwork("class_assortativity_p", last());
    Optional<Double> r = wholeNetwork("class_assortativity", last());
    if (r.isEmpty()) {
      return List.of();
    }
    if (p.isEmpty()) {
      return List.of(new Finding(Topic.ASSORTATIVITY, "coupling graph", Verdict.NOT_DISTINGUISHABLE, String.format(Locale.ROOT,
          "coupling graph: class assortativity at the end %s, untested: its null was not computed at the last checkpoint"
              + " (permutations: 0, or the probe failed there)", fmt(r)), null, "no null"));
    }
    String nullText = String.format(Locale.ROOT, "node-label null %s ± %s, p = %s", fmt(wholeNetwork("class_assortativity_null_mean", last())),
        fmt(wholeNetwork("class_assortativity_null_sd", last())), fmt(p));
    String start = String.format(Locale.ROOT, "untrained %s (p = %s)", fmt(wholeNetwork("class_assortativity", first())),
        fmt(wholeNetwork("class_assortativity_p", first())));
    Optional<Double> onset = run.measurements().stream().filter(m -> m.key().metric().equals("assortativity_onset_step"))
        .filter(m -> m instanceof ScalarMeasurement).map(m -> ((ScalarMeasurement) m).value()).findFirst();
    boolean beats = p.get() < ALPHA;
    boolean beatsAtStart = wholeNetwork("class_assortativity_p", first()).map(x -> x < ALPHA).orElse(false);
    // emerged: a rise beyond the untrained graph's spread; present: beat the null already untrained; else not shown to emerge
    Verdict verdict = !beats ? Verdict.NOT_DISTINGUISHABLE
        : onset.filter(Double::isFinite).isPresent() ? Verdict.EMERGED
        : beatsAtStart ? Verdict.PRESENT_AT_INITIALISATION : Verdict.NOT_DISTINGUISHABLE;
    String statement = String.format(Locale.ROOT, "coupling graph: class assortativity at the end %s, %s the %s; %s%s", fmt(r),
        beats ? "above" : "not distinguishable from", nullText, start,
        onset.filter(Double::isFinite).map(s -> String.format(Locale.ROOT, "; it rises beyond the untrained value from step %d", s.longValue()))
            .orElse(beats ? "; no rise beyond the untrained value" : ""));
    return List.of(new Finding(Topic.ASSORTATIVITY, "coupling graph", verdict, statement,
        onset.filter(Double::isFinite).map(Double::longValue).orElse(null), nullText));
  }

  /**
   * Per target layer of the class attribution graphs: EMERGED when the class pathways' specificity has an onset (it left its
   * untrained value and its exemplar-label null for good, so it passed both), with the consistency onset if there is one;
   * otherwise not distinguishable, with the end value against its null.
   */
  private List<Finding> pathways() {
    List<Finding> out = new ArrayList<>();
    for (ScalarMeasurement e : layerScalars("pathway_specificity_onset_step").values()) {
      String layer = e.key().layer();
      String probe = e.key().probe();
      String nullText = String.format(Locale.ROOT, "exemplar-label null %s ± %s, p = %s", at(probe, layer, "pathway_specificity_null_mean", last()),
          at(probe, layer, "pathway_specificity_null_sd", last()), at(probe, layer, "pathway_specificity_p", last()));
      String end = String.format(Locale.ROOT, "specificity at the end %s (%s), untrained %s", at(probe, layer, "pathway_specificity", last()),
          nullText, at(probe, layer, "pathway_specificity", first()));
      double step = e.value();
      if (Double.isFinite(step)) {
        // an event is placed at its onset checkpoint, so it is looked up at any
        Optional<Double> consistency = run.measurements().stream().filter(m -> m instanceof ScalarMeasurement && m.key().probe().equals(probe)
            && m.key().metric().equals("pathway_consistency_onset_step") && layer.equals(m.key().layer())).map(m -> ((ScalarMeasurement) m).value())
            .findFirst();
        String also = consistency.filter(Double::isFinite)
            .map(s -> String.format(Locale.ROOT, "; units preferring a class feed units preferring it (class consistency) from step %d", s.longValue()))
            .orElse("; class consistency does not pass its null for good");
        out.add(new Finding(Topic.PATHWAY, layer, Verdict.EMERGED, String.format(Locale.ROOT,
            "layer %s: the classes' attribution pathways into it become class-specific beyond the untrained network and the"
                + " exemplar-label null from step %d; %s%s", layer, (long) step, end, also), (long) step, bracket((long) step)));
      } else {
        out.add(new Finding(Topic.PATHWAY, layer, Verdict.NOT_DISTINGUISHABLE, String.format(Locale.ROOT,
            "layer %s: the classes' attribution pathways into it do not become class-specific beyond the untrained network and"
                + " their null for good; %s", layer, end), null, nullText));
      }
    }
    return out;
  }

  /** The onset lies after the checkpoint before {@code step} and at or before {@code step}. */
  private String bracket(long step) {
    long previous = -1;
    for (Checkpoint c : checkpoints) {
      if (c.step() < step) {
        previous = c.step();
      }
    }
    return previous < 0 ? "at step " + step : "between steps " + previous + " and " + step + " (checkpoint spacing)";
  }

  /** The last value of {@code metric} for {@code layer} at {@code at}, from {@code probe} (null: any probe). */
  private Optional<Double> value(String probe, String layer, String metric, Checkpoint at) {
    return run.measurements().stream().filter(m -> m instanceof ScalarMeasurement && (probe == null || m.key().probe().equals(probe))
            && m.key().metric().equals(metric) && java.util.Objects.equals(m.key().layer(), layer) && at != null
            && m.key().checkpoint().index() == at.index())
        .map(m -> ((ScalarMeasurement) m).value()).reduce((a, b) -> b);
  }

  /** The last checkpoint with a value of {@code metric} for the layer, or null. */
  private Checkpoint lastWith(String probe, String layer, String metric) {
    for (int i = checkpoints.size() - 1; i >= 0; i--) {
      if (value(probe, layer, metric, checkpoints.get(i)).isPresent()) {
        return checkpoints.get(i);
      }
    }
    return null;
  }

  private String at(String probe, String layer, String metric, Checkpoint cp) {
    return fmt(value(probe, layer, metric, cp));
  }

  private String withInterval(String probe, String layer, String metric, Checkpoint cp) {
    Optional<Double> lo = value(probe, layer, metric + "_ci_low", cp);
    Optional<Double> hi = value(probe, layer, metric + "_ci_high", cp);
    return fmt(value(probe, layer, metric, cp)) + (lo.isPresent() && hi.isPresent() ? " [" + fmt(lo) + ", " + fmt(hi) + "]" : "");
  }

  private Map<String, ScalarMeasurement> layerScalars(String metric) {
    Map<String, ScalarMeasurement> out = new LinkedHashMap<>();
    for (Measurement m : run.measurements()) {
      if (m instanceof ScalarMeasurement s && s.key().metric().equals(metric) && s.key().layer() != null) {
        out.put(s.key().layer(), s);
      }
    }
    return out;
  }

  private Checkpoint first() {
    return checkpoints.isEmpty() ? null : checkpoints.get(0);
  }

  private Checkpoint last() {
    return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
  }

  private Optional<Double> wholeNetwork(String metric, Checkpoint at) {
    return value(null, null, metric, at);
  }

  private static String fmt(Optional<Double> v) {
    return v.map(x -> Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.3g", x)).orElse("n/a");
  }
}
