package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real data: five Fashion-MNIST classes from Debian's dataset-fashion-mnist (installed by .ci/run), one epoch. */
class FashionMnistTest {
  private static final Path FILES = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
  @TempDir
  Path dir;

  @Test
  void trainsOneEpochOnFiveClasses() throws Exception {
    assumeTrue(Files.exists(FILES), "dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist)");
    Path out = dir.resolve("fm");
    var r = CliTest.dsdl("run", Path.of("../examples/fashion-mnist.yaml").toString(), "--out", out.toString(),
        "--set", "dataset.trainPerClass=200", "--set", "dataset.minPerClass=200", "--set", "dataset.testPerClass=100",
        "--set", "training.epochs=1", "--set", "probeSet.perClass=50");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertThat(m.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(m.at("/dataset/classes").toString()).isEqualTo("[\"T-shirt/top\",\"Trouser\",\"Pullover\",\"Sneaker\",\"Bag\"]");
    assertThat(m.at("/dataset/shape").toString()).isEqualTo("[32,32,1]");
    assertThat(m.at("/dataset/trainPerClass").toString()).isEqualTo("[200,200,200,200,200]");
    assertThat(m.at("/config/dataset/minPerClass").asInt()).as("a lowered minimum is recorded").isEqualTo(200);
    assertThat(m.at("/dataset/provenance/sourceCounts/train").asInt()).isEqualTo(60000);
    List<String> last = Files.readAllLines(out.resolve("metrics.csv")).stream().filter(l -> l.contains(",test_accuracy,")).toList();
    double accuracy = Double.parseDouble(last.get(last.size() - 1).split(",")[6]);
    assertThat(accuracy).as("well above chance (0.2) after one epoch of 1,000 images").isGreaterThan(0.6);
  }
}
