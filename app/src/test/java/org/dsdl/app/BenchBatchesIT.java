package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsdl bench --batches … --json} through the packaged launcher (module path), with the build's oneDNN setting. */
class BenchBatchesIT {
  @TempDir
  Path dir;

  @Test
  void theSweepWorksFromTheLauncherAndNamesTheOneDnnSetting() throws Exception {
    String[] args = java.util.Arrays.copyOf(new String[] {"bench", "--batches", "2,4", "--steps", "2", "--warmup", "1", "--repeats", "2", "--json"},
        10 + BenchBatchesTest.TINY.length);
    System.arraycopy(BenchBatchesTest.TINY, 0, args, 10, BenchBatchesTest.TINY.length);
    Launcher.Result r = new Launcher(dir).run(args);
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode b = new ObjectMapper().readTree(r.out());
    assertThat(b.get("batches").findValuesAsText("batchSize")).containsExactly("2", "4");
    assertThat(b.at("/batches/1/samplesPerSecond/median").asDouble()).isPositive();
    // the launched process inherits TF_ENABLE_ONEDNN_OPTS from the build (tf.onednn, 1 by default), as from ./dsdl
    boolean on = !"0".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"));
    assertThat(b.get("engine").asText()).endsWith(on ? ", oneDNN on)" : ", oneDNN off)");
  }
}
