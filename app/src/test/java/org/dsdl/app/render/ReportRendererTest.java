package org.dsdl.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dsdl.api.viz.Visualizer;
import org.dsdl.app.plugin.PluginUse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The visualizers of a run render at the same time; what they wrote, and their failures, come back in config order. */
class ReportRendererTest {
  @TempDir
  Path dir;

  /** A run directory: a run.json a dsdl of an earlier version wrote for the default run (its metrics left out). */
  @BeforeEach
  void aRun() throws IOException {
    try (InputStream in = ReportRendererTest.class.getResourceAsStream("/org/dsdl/app/rundir/run-before-declarations.json")) {
      Files.copy(in, dir.resolve("run.json"));
    }
  }

  private static PluginUse use(String alias) {
    return new PluginUse(alias, null, null, null);
  }

  /** Writes ALIAS.txt after {@code before} has been counted down by every visualizer of the run (so they must run at once). */
  private static Visualizer meeting(String alias, CountDownLatch before) {
    return run -> {
      before.countDown();
      try {
        if (!before.await(20, TimeUnit.SECONDS)) {
          throw new IOException(alias + " rendered alone: the others did not start beside it");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return List.of(Files.writeString(run.directory().resolve(alias + ".txt"), alias));
    };
  }

  @Test
  void visualizersRenderAtTheSameTimeAndTheirFilesComeBackInConfigOrder() {
    CountDownLatch both = new CountDownLatch(2);
    ReportRenderer renderer = new ReportRenderer(use -> meeting(use.alias(), both));
    ReportRenderer.Rendering r = renderer.render(dir, List.of(use("second"), use("first")));
    assertThat(r.error()).isNull();
    assertThat(r.relativeTo(dir)).containsExactly("second.txt", "first.txt");
  }

  @Test
  void oneFailingVisualizerDoesNotStopTheOthersAndEachFailureIsNamedInOrder() {
    ReportRenderer renderer = new ReportRenderer(use -> switch (use.alias()) {
      case "broken" -> run -> {
        throw new IOException("disk full");
      };
      case "unmade" -> throw new IllegalArgumentException("no such visualizer");
      default -> run -> List.of(Files.writeString(run.directory().resolve(use.alias() + ".txt"), use.alias()));
    });
    ReportRenderer.Rendering r = renderer.render(dir, List.of(use("a"), use("broken"), use("b"), use("unmade"), use("c")));
    assertThat(r.relativeTo(dir)).containsExactly("a.txt", "b.txt", "c.txt");
    assertThat(r.error()).isEqualTo("visualizer 'broken' failed: IOException: disk full; "
        + "visualizer 'unmade' failed: IllegalArgumentException: no such visualizer");
  }
}
