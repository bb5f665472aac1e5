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
    List<Path> written = new PngVisualizerProvider().create(new PngParameters(800, 500, true)).render(Runs.sample(dir));
    assertThat(written).extracting(p -> p.getFileName().toString()).contains(
        "learning-curve-loss.png", "learning-curve-accuracy.png", "my-probe-wiggle.png", "accuracy-test_recall.png",
        "accuracy-confusion-last.png", "my-probe-pairs-fc1-last.png", "events-timeline.png",
        "my-probe-wiring-first.png", "my-probe-wiring-last.png", "weight-coupling-kernels-c1-over-training.png");
    // every chart also as SVG; the drawings (graph, kernels) are bitmaps only
    assertThat(dir.resolve("figures/learning-curve-loss.svg")).exists();
    assertThat(written).as("the SVG files are among the files written (run.json's outputs)").contains(dir.resolve("figures/learning-curve-loss.svg"));
    String svg = java.nio.file.Files.readString(dir.resolve("figures/my-probe-wiggle.svg"));
    assertThat(svg).startsWith("<?xml").contains("<svg").contains("width='800.0'").contains("wiggle").endsWith("</svg>\n");
    new PngVisualizerProvider().create(new PngParameters(800, 500, true)).render(Runs.sample(dir));
    assertThat(java.nio.file.Files.readString(dir.resolve("figures/my-probe-wiggle.svg"))).as("the same run gives the same file").isEqualTo(svg);
    for (Path p : written.stream().filter(f -> f.toString().endsWith(".png")).toList()) {
      var image = ImageIO.read(p.toFile());
      boolean drawing = p.getFileName().toString().contains("wiring") || p.getFileName().toString().contains("kernels");
      assertThat(image.getWidth()).as(p.toString()).isEqualTo(drawing ? 1200 : 800);
      if (!drawing) {
        assertThat(image.getHeight()).isEqualTo(500);
      }
    }
  }
}
