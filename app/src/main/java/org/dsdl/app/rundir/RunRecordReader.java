package org.dsdl.app.rundir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.probe.MetricSpec;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.DatasetSummary;
import org.dsdl.api.run.DeclaredMetrics;
import org.dsdl.api.run.ModelSummary;
import org.dsdl.api.run.ProbeFailure;
import org.dsdl.api.run.RunInfo;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.RunSeeds;
import org.dsdl.api.run.Timings;
import org.dsdl.api.run.Versions;
import org.dsdl.app.DsdlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a run directory back into a {@link RunRecord}: run.json's facts typed (what an older run did
 * not record left empty), the contact sheet if the directory holds one, every measurement.
 */
public final class RunRecordReader {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecordReader.class);

  private RunRecordReader() {}

  /** Reads {@code run.json}; a missing, unreadable or newer-format manifest is bad input. */
  public static Manifest manifest(Path dir) {
    Path file = dir.resolve(RunDirectory.MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw DsdlException.badInput("'" + dir + "' is not a dsdl run directory: " + RunDirectory.MANIFEST + " is missing");
    }
    Manifest m;
    try {
      JsonNode tree = Json.PRETTY.readTree(file.toFile());
      int format = tree.path("format").asInt(-1);
      if (format > Manifest.FORMAT) {
        throw DsdlException.badInput(file + " has format " + format + ", newer than this dsdl reads (" + Manifest.FORMAT + "); upgrade dsdl");
      }
      if (format < 1) {
        throw DsdlException.badInput(file + " has no valid 'format' field; it was not written by dsdl");
      }
      m = Json.PRETTY.treeToValue(tree, Manifest.class);
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput(file + " is not a valid run manifest: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot read " + file + ": " + e.getMessage(), e);
    }
    return m;
  }

  /** Reads the manifest and every measurement; a truncated last line (a killed run) is skipped with a warning. */
  public static RunRecord read(Path dir) {
    Manifest m = manifest(dir);
    Map<Integer, Checkpoint> checkpoints = new HashMap<>();
    List<Checkpoint> ordered = new ArrayList<>();
    for (Manifest.CheckpointEntry c : m.checkpoints()) {
      Checkpoint cp = new Checkpoint(c.index(), c.step(), c.epoch(), c.samplesSeen());
      checkpoints.put(c.index(), cp);
      ordered.add(cp);
    }
    List<Measurement> measurements = new ArrayList<>();
    Path file = dir.resolve(RunDirectory.METRICS);
    if (Files.exists(file)) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          try {
            measurements.add(MeasurementCodec.fromJson(Json.LINES.readTree(line), checkpoints::get));
          } catch (JsonProcessingException | RuntimeException e) {
            if (r.readLine() == null) {
              LOG.warn("{} line {} is incomplete (the run was killed while writing it); skipped", file, lineNo);
              break;
            }
            throw DsdlException.badInput(file + " line " + lineNo + " is not a valid measurement: " + e.getMessage(), e);
          }
        }
      } catch (IOException e) {
        throw DsdlException.badInput("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new RunRecord(dir, info(dir, m, ordered), measurements);
  }

  /** The manifest's facts, typed; what an older run did not record is empty. */
  static RunInfo info(Path dir, Manifest m, List<Checkpoint> checkpoints) {
    Manifest.ModelSummary model = m.model();
    Map<Integer, Double> wall = new HashMap<>();
    m.checkpoints().forEach(c -> wall.put(c.index(), c.wallSeconds()));
    Path sheet = dir.resolve(RunDirectory.CONTACT_SHEET);
    return new RunInfo(m.name(), m.seed(), m.status(), m.dataset() == null || m.dataset().classes() == null ? List.of() : m.dataset().classes(),
        model == null || model.layers() == null ? List.of() : model.layers(), model == null ? 0 : model.parameterCount(), checkpoints,
        versions(m.versions()), Optional.ofNullable(m.seeds()).map(RunRecordReader::seeds), Optional.ofNullable(m.dataset()).map(d -> dataset(dir, d)),
        Optional.ofNullable(model).map(x -> new ModelSummary(x.spec(), x.engine(), x.forwardMacsPerSample(), x.forwardFlopsPerSample(),
            x.trainingFlopsPerSample())),
        Optional.ofNullable(m.timings()).map(t -> new Timings(t.total(), t.training(), t.trainingSessionCalls(), t.checkpoints(),
            t.probes() == null ? Map.of() : t.probes(), t.visualizers(), t.trainingSamplesPerSecond())),
        wall, m.probeFailures() == null ? List.of() : m.probeFailures().stream().map(f -> new ProbeFailure(f.probe(), f.checkpoint(),
            f.error() == null ? "" : f.error())).toList(),
        Optional.ofNullable(m.error()), Optional.ofNullable(m.config()).map(JsonNode::toString), declared(dir, m.probeMetrics()),
        Files.isRegularFile(sheet) ? Optional.of(sheet) : Optional.empty(),
        m.outputs() == null ? List.of() : m.outputs().stream().map(dir::resolve).toList());
  }

  private static Versions versions(Map<String, String> v) {
    if (v == null) {
      return Versions.of(Versions.UNKNOWN);
    }
    int cpus;
    try {
      cpus = Integer.parseInt(v.getOrDefault("cpus", "0"));
    } catch (NumberFormatException e) {
      cpus = 0;
    }
    return new Versions(v.getOrDefault("dsdl", Versions.UNKNOWN), v.getOrDefault("engine", Versions.UNKNOWN), v.getOrDefault("java", Versions.UNKNOWN),
        v.getOrDefault("os", Versions.UNKNOWN), v.getOrDefault("cpu", Versions.UNKNOWN), Math.max(0, cpus));
  }

  private static RunSeeds seeds(Map<String, Long> s) {
    return new RunSeeds(s.getOrDefault("dataset", 0L), s.getOrDefault("init", 0L), s.getOrDefault("shuffle", 0L), s.getOrDefault("sampling", 0L),
        s.getOrDefault("probes", 0L));
  }

  private static DatasetSummary dataset(Path dir, Manifest.DatasetSummary d) {
    List<Integer> shape = d.shape();
    if (shape == null || shape.size() != 3) {
      throw DsdlException.badInput(dir.resolve(RunDirectory.MANIFEST) + ": dataset.shape must be [height, width, channels], got " + shape);
    }
    return new DatasetSummary(d.plugin() == null ? Versions.UNKNOWN : d.plugin(), new ImageShape(shape.get(0), shape.get(1), shape.get(2)),
        d.trainPerClass() == null ? List.of() : d.trainPerClass(), d.testPerClass() == null ? List.of() : d.testPerClass(), d.probeSetSize(),
        d.trainIdsSha256(), d.testIdsSha256(), d.contentSha256(), d.probeSetIdsSha256(), d.provenance() == null ? Map.of() : d.provenance());
  }

  /** The declarations run.json recorded; none recorded (an older run) when the field is absent. An unreadable one is left out, with a warning. */
  private static DeclaredMetrics declared(Path dir, Map<String, List<Manifest.DeclaredMetric>> recorded) {
    if (recorded == null) {
      return DeclaredMetrics.notRecorded();
    }
    Map<String, List<MetricSpec>> byProbe = new LinkedHashMap<>();
    recorded.forEach((probe, metrics) -> {
      List<MetricSpec> specs = new ArrayList<>();
      for (Manifest.DeclaredMetric d : metrics == null ? List.<Manifest.DeclaredMetric>of() : metrics) {
        try {
          specs.add(d.spec());
        } catch (RuntimeException e) {
          LOG.warn("{}: probe '{}' declares a metric this dsdl cannot read ({}); it is drawn by its kind", dir.resolve(RunDirectory.MANIFEST), probe,
              e.getMessage());
        }
      }
      byProbe.put(probe, specs);
    });
    return DeclaredMetrics.of(byProbe);
  }
}
