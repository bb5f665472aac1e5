package org.dsdl.visualizers.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dsdl.visualizers.fixture.AttributionRuns;
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

  @Test
  void drawsIntervalsOnTheirMetricsChartAndListsSingleValuesInATable() throws Exception {
    List<Path> written = new PngVisualizerProvider().create(new PngParameters(800, 500, false))
        .render(org.dsdl.visualizers.fixture.CouplingRuns.run(dir, "coupling", 1));
    List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).contains("linear-probe-selectivity.png", "filter-coupling-mean_coupling.png", "single-values.csv");
    assertThat(names).as("intervals, nulls, bootstrap SDs and constants are not figures of their own")
        .noneMatch(n -> n.matches(".*(_ci_low|_ci_high|_null_mean|_null_sd|_p|_bootstrap_sd|category_fit_max)\\.png"));
    assertThat(java.nio.file.Files.readString(dir.resolve("figures/single-values.csv"))).contains("rsa,category_fit_max,conv1,0.66,0-256");
    // the band: selectivity's chart has more of its colour than a chart of the line alone would
    var image = ImageIO.read(dir.resolve("figures/linear-probe-selectivity.png").toFile());
    long tinted = java.util.Arrays.stream(image.getRGB(0, 0, 800, 500, null, 0, 800)).filter(v -> {
      int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
      return r != g || g != b; // any colour that is not grey
    }).count();
    assertThat(tinted).as("coloured pixels (lines and bands)").isGreaterThan(20_000);
  }

  @Test
  void drawsEachClassPathwayAtTheFirstAnEarlyAndTheLastCheckpoint() throws Exception {
    List<Path> written = new PngVisualizerProvider().create(new PngParameters(800, 500, false)).render(AttributionRuns.run(dir));
    List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
    for (int c = 0; c < 2; c++) {
      assertThat(names).contains("class-attribution-pathway-c" + c + "-first.png", "class-attribution-pathway-c" + c + "-early.png",
          "class-attribution-pathway-c" + c + "-last.png");
    }
    assertThat(names).as("not also as whole graphs").noneMatch(n -> n.contains("attribution_graph"));
    java.util.Map<String, int[]> pixels = new java.util.HashMap<>();
    for (Path p : written.stream().filter(f -> f.getFileName().toString().contains("-pathway-")).toList()) {
      assertThat(p.getParent()).isEqualTo(dir.resolve("figures"));
      var image = ImageIO.read(p.toFile());
      assertThat(image.getWidth()).as(p.toString()).isEqualTo(1200);
      assertThat(image.getHeight()).isEqualTo(700);
      int[] rgb = image.getRGB(0, 0, 1200, 700, null, 0, 1200);
      long drawn = java.util.Arrays.stream(rgb).filter(v -> (v & 0xffffff) != 0xffffff).count();
      assertThat(drawn).as("ink on " + p.getFileName()).isGreaterThan(rgb.length / 50);
      assertThat(java.util.Arrays.stream(rgb).anyMatch(v -> (v & 0xffffff) == 0x0072B2)).as("class T's colour (Okabe–Ito blue)").isTrue();
      pixels.put(p.getFileName().toString(), rgb);
    }
    assertThat(pixels.get("class-attribution-pathway-c0-first.png")).as("the pathway changes over training")
        .isNotEqualTo(pixels.get("class-attribution-pathway-c0-last.png"));
    assertThat(pixels.get("class-attribution-pathway-c0-last.png")).as("each class has its own")
        .isNotEqualTo(pixels.get("class-attribution-pathway-c1-last.png"));
  }
}
