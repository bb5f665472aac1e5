package org.dsdl.app.sweep.findings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.DsdlException;
import org.dsdl.app.config.Printable;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.rundir.RunDirectory;
import org.dsdl.app.rundir.RunRecordReader;
import org.dsdl.app.sweep.SweepRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Findings across seeds: each completed run's {@code findings.json} (written by the
 * {@code findings} visualizer) read back, and per condition × finding (topic and subject) the
 * fraction of seeds in which it holds.
 */
public final class SweepFindings {
  /** The file the {@code findings} visualizer writes in a run directory. */
  public static final String RUN_FILE = "findings.json";
  private static final Logger LOG = LoggerFactory.getLogger(SweepFindings.class);

  private SweepFindings() {}

  /**
   * The findings of the completed runs among {@code runs} that wrote {@code findings.json}, in run
   * order. A file that cannot be read is left out with a warning (the other runs' findings still
   * aggregate); an entry with a verdict this dsdl does not know is left out likewise.
   */
  public static List<RunFindings> collect(List<SweepRun> runs, Function<SweepRun, Path> directories) {
    List<RunFindings> out = new ArrayList<>();
    for (SweepRun run : runs) {
      Path dir = directories.apply(run);
      Path file = dir.resolve(RUN_FILE);
      if (!Files.isRegularFile(file) || !completed(dir)) {
        continue;
      }
      JsonNode entries;
      try {
        entries = Json.LINES.readTree(file.toFile()).path("findings");
      } catch (IOException e) {
        LOG.warn("cannot read {}: {}; its run is left out of the findings across seeds", file, e.getMessage());
        continue;
      }
      List<SeedFinding> findings = new ArrayList<>();
      for (JsonNode f : entries) {
        Verdict verdict;
        try {
          verdict = Verdict.valueOf(f.path("verdict").asText());
        } catch (IllegalArgumentException e) {
          LOG.warn("{}: a finding with verdict '{}' (not one of {}) is left out", file, Printable.of(f.path("verdict").asText(), 40),
              Arrays.toString(Verdict.values()));
          continue;
        }
        JsonNode step = f.path("step");
        findings.add(new SeedFinding(f.path("topic").asText(), f.path("subject").asText(), verdict,
            step.isNumber() ? Long.valueOf(step.asLong()) : null));
      }
      out.add(new RunFindings(run, findings));
    }
    return List.copyOf(out);
  }

  private static boolean completed(Path dir) {
    if (!Files.isRegularFile(dir.resolve(RunDirectory.MANIFEST))) {
      return false;
    }
    try {
      return RunRecordReader.manifest(dir).status() == RunStatus.COMPLETED;
    } catch (DsdlException e) {
      LOG.warn("{}; its run is left out of the findings across seeds", e.getMessage());
      return false;
    }
  }

  /**
   * Per condition (in the order of {@code runs}) × finding: its {@link FindingAcrossSeeds}.
   * Findings come in the order of their topics (class identity, layer identity, coupling, settling,
   * assortativity, pathways, then any other), subjects in the order first met; a condition none of
   * whose runs wrote findings has none. A run that lists one finding twice counts it once (the first).
   */
  public static List<FindingAcrossSeeds> aggregate(List<SweepRun> runs, List<RunFindings> findings) {
    Set<String> conditions = new LinkedHashSet<>();
    runs.forEach(r -> conditions.add(r.condition()));
    List<FindingAcrossSeeds> out = new ArrayList<>();
    for (String condition : conditions) {
      List<Map<FindingKey, SeedFinding>> seeds = new ArrayList<>();
      List<FindingKey> keys = new ArrayList<>();
      for (RunFindings rf : findings) {
        if (!rf.run().condition().equals(condition)) {
          continue;
        }
        Map<FindingKey, SeedFinding> byKey = new LinkedHashMap<>();
        for (SeedFinding f : rf.findings()) {
          if (byKey.putIfAbsent(f.key(), f) == null && !keys.contains(f.key())) {
            keys.add(f.key());
          }
        }
        seeds.add(byKey);
      }
      List<FindingKey> ordered = new ArrayList<>(keys);
      ordered.sort(Comparator.comparingInt(FindingKey::topicRank)); // stable: subjects stay in first-met order
      for (FindingKey key : ordered) {
        out.add(across(condition, key, seeds));
      }
    }
    return List.copyOf(out);
  }

  private static FindingAcrossSeeds across(String condition, FindingKey key, List<Map<FindingKey, SeedFinding>> seeds) {
    int[] verdicts = new int[Verdict.values().length];
    int notReported = 0;
    List<Long> steps = new ArrayList<>();
    for (Map<FindingKey, SeedFinding> seed : seeds) {
      SeedFinding f = seed.get(key);
      if (f == null) {
        notReported++;
        continue;
      }
      verdicts[f.verdict().ordinal()]++;
      if (f.verdict() == Verdict.EMERGED && f.step() != null) {
        steps.add(f.step());
      }
    }
    steps.sort(null);
    int k = steps.size();
    double median = k == 0 ? Double.NaN : k % 2 == 1 ? steps.get(k / 2) : (steps.get(k / 2 - 1) + steps.get(k / 2)) / 2.0;
    return new FindingAcrossSeeds(condition, key, seeds.size(), verdicts[Verdict.EMERGED.ordinal()],
        verdicts[Verdict.PRESENT_AT_INITIALISATION.ordinal()], verdicts[Verdict.NOT_DISTINGUISHABLE.ordinal()], notReported, k, median,
        k == 0 ? Double.NaN : steps.get(0), k == 0 ? Double.NaN : steps.get(k - 1));
  }
}
