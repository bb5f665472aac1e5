package org.dsdl.visualizers.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsdl.visualizers.fixture.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngVisualizerTest {
  @TempDir
  Path dir;

  @Test
  void drawsEveryChartAsAFigureOfTheAskedSize() throws Exception {
    List<Path> written = new PngVisualizerProvider().create(new PngParameters(800, 500)).render(Runs.sample(dir));
    assertThat(written).extracting(p -> p.getFileName().toString()).contains(
        "learning-curve-loss.png", "learning-curve-accuracy.png", "my-probe-wiggle.png", "accuracy-test_recall.png",
        "accuracy-confusion-last.png", "my-probe-pairs-fc1-last.png", "events-timeline.png",
        "my-probe-wiring-first.png", "my-probe-wiring-last.png", "weight-coupling-kernels-c1-over-training.png");
    for (Path p : written) {
      var image = ImageIO.read(p.toFile());
      boolean drawing = p.getFileName().toString().contains("wiring") || p.getFileName().toString().contains("kernels");
      assertThat(image.getWidth()).as(p.toString()).isEqualTo(drawing ? 1200 : 800);
      if (!drawing) {
        assertThat(image.getHeight()).isEqualTo(500);
      }
    }
  }
}
