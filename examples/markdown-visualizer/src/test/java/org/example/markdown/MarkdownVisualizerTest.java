package org.example.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunInfo;
import org.dsdl.api.run.RunRecord;
import org.dsdl.api.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownVisualizerTest {
  @TempDir
  Path dir;

  @Test
  void writesASectionPerProbeWithFirstAndLastValues() throws Exception {
    Checkpoint c0 = new Checkpoint(0, 0, 0, 0);
    Checkpoint c1 = new Checkpoint(1, 10, 1, 100);
    var ms = new ArrayList<>(new Measurements("accuracy", c0).scalar("test_accuracy", null, 0.2).list());
    ms.addAll(new Measurements("accuracy", c1).scalar("test_accuracy", null, 0.9).list());
    RunRecord run = new RunRecord(dir, new RunInfo("demo", 1, RunStatus.COMPLETED, List.of("a"), List.of(), 0, List.of(c0, c1), "x"), ms);
    new MarkdownVisualizerProvider().create(NoParameters.INSTANCE).render(run);
    String md = Files.readString(dir.resolve("summary.md"));
    assertTrue(md.contains("## accuracy"), md);
    assertTrue(md.contains("| test_accuracy |  | 0.2 | 0.9 |"), md);
  }
}
