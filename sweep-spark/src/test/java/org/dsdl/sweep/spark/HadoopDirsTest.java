package org.dsdl.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories copied through Hadoop's FileSystem (file://): whole, replacing, without checksum side files. */
class HadoopDirsTest {
  private static final Configuration CONF = HadoopDirs.configuration(Map.of());
  @TempDir
  Path dir;

  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void publishReplacesTheTargetWithACopyOfTheDirectory() throws Exception {
    Path run = Files.createDirectories(dir.resolve("scratch/run"));
    Files.writeString(run.resolve("run.json"), "{\"status\":\"RUNNING\"}");
    Files.createDirectories(run.resolve("state"));
    Files.writeString(run.resolve("state/trainer.json"), "{}");
    Path target = dir.resolve("out/runs/run");
    HadoopDirs.publish(run, target.toUri(), CONF);
    assertThat(tree(target)).containsExactly("", "run.json", "state", "state/trainer.json");

    Files.delete(run.resolve("state/trainer.json"));
    Files.writeString(run.resolve("run.json"), "{\"status\":\"COMPLETED\"}");
    Files.writeString(run.resolve("metrics.csv"), "checkpoint\n");
    HadoopDirs.publish(run, target.toUri(), CONF);
    assertThat(tree(target)).containsExactly("", "metrics.csv", "run.json", "state");
    assertThat(Files.readString(target.resolve("run.json"))).isEqualTo("{\"status\":\"COMPLETED\"}");
    assertThat(tree(dir.resolve("out/runs"))).as("nothing left beside it").containsExactly("", "run", "run/metrics.csv", "run/run.json", "run/state");
  }

  @Test
  void mirrorAndFetchCopyBack() throws Exception {
    Path source = Files.createDirectories(dir.resolve("uri/run"));
    Files.writeString(source.resolve("a.txt"), "a");
    Path local = dir.resolve("local/run");
    Files.createDirectories(local);
    Files.writeString(local.resolve("stale.txt"), "old");
    HadoopDirs.mirror(source.toUri(), local, CONF);
    assertThat(tree(local)).containsExactly("", "a.txt");
    assertThat(HadoopDirs.fetch(dir.resolve("uri/missing").toUri(), dir.resolve("x"), CONF)).isFalse();
    assertThatThrownBy(() -> HadoopDirs.mirror(dir.resolve("uri/missing").toUri(), local, CONF)).isInstanceOf(IOException.class)
        .hasMessageContaining("does not exist");
  }
}
