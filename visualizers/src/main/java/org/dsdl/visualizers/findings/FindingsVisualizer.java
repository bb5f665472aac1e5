package org.dsdl.visualizers.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.viz.Visualizer;

/**
 * {@code findings.json}: the run's name and seed and its {@link Findings}, each with its topic,
 * subject, verdict, statement, step and uncertainty; claims that passed their control first.
 */
final class FindingsVisualizer implements Visualizer {
  /** The file's name in the run directory. */
  static final String FILE = "findings.json";

  @Override
  public List<Path> render(RunRecord run) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode().put("name", run.info().name()).put("seed", run.info().seed());
    root.set("findings", json.valueToTree(Findings.of(run)));
    Path target = run.directory().resolve(FILE);
    OutputFiles.writeAtomically(target, out -> out.write(json.writeValueAsBytes(root)));
    return List.of(target);
  }
}
