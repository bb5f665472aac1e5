package org.dsdl.visualizers.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.run.Checkpoint;
import org.dsdl.api.run.RunRecord;
import org.dsdl.testkit.RunRecordBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvVisualizerTest {
  @TempDir
  Path dir;

  @Test
  void writesScalarsAsATidyTableAndSkipsOtherKinds() throws Exception {
    Checkpoint c0 = new Checkpoint(0, 0, 0, 0);
    Checkpoint c1 = new Checkpoint(1, 16, 0.1024, 256);
    var ms = new java.util.ArrayList<>(new Measurements("accuracy", c0).scalar("test_accuracy", null, 0.2).list());
    ms.addAll(new Measurements("accuracy", c1)
        .scalar("test_accuracy", null, 0.625)
        .vector("test_recall", null, List.of("a"), new double[] {1})
        .scalar("odd,name", "fc1", 3)
        .list());
    RunRecord run = RunRecordBuilder.in(dir).name("x").classes("a").checkpoint(c0).checkpoint(c1).add(ms).build();

    List<Path> written = new CsvVisualizerProvider().create(new CsvVisualizerProvider().defaultParameters()).render(run);

    assertThat(written).containsExactly(dir.resolve("metrics.csv"));
    assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).containsExactly(
        "checkpoint,step,epoch,probe,metric,layer,value",
        "0,0,0,accuracy,test_accuracy,,0.2",
        "1,16,0.1024,accuracy,test_accuracy,,0.625",
        "1,16,0.1024,accuracy,\"odd,name\",fc1,3");
  }
}
