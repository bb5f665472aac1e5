package org.example.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dsdl.api.plugin.NoParameters;
import org.dsdl.api.run.RunRecord;
import org.dsdl.testkit.RunRecordBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownVisualizerTest {
  @TempDir
  Path dir;

  @Test
  void writesASectionPerProbeWithFirstAndLastValues() throws Exception {
    RunRecord run = RunRecordBuilder.in(dir).name("demo").classes("a")
        .checkpointsAt(0, 10)
        .scalar("accuracy", "test_accuracy", null, 0.2, 0.9)
        .build();
    new MarkdownVisualizerProvider().create(NoParameters.INSTANCE).render(run);
    String md = Files.readString(dir.resolve("summary.md"));
    assertTrue(md.contains("## accuracy"), md);
    assertTrue(md.contains("| test_accuracy |  | 0.2 | 0.9 |"), md);
  }
}
