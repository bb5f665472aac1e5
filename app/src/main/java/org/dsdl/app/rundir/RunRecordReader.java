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
import java.util.List;
import java.util.Map;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunInfo;
import org.dsdl.api.run.RunRecord;
import org.dsdl.app.DsdlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a run directory back into a {@link RunRecord}. */
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
    Manifest.ModelSummary model = m.model();
    RunInfo info = new RunInfo(m.name(), m.seed(), m.status(), m.dataset() == null ? List.of() : m.dataset().classes(),
        model == null ? List.of() : model.layers(), model == null ? 0 : model.parameterCount(), ordered,
        m.versions() == null ? "unknown" : m.versions().getOrDefault("dsdl", "unknown"));
    return new RunRecord(dir, info, measurements);
  }
}
