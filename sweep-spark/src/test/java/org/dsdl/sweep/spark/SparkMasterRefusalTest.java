package org.dsdl.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.dsdl.app.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spark master that does not answer is one clear line and exit 2, before anything is written. */
class SparkMasterRefusalTest {
  @TempDir
  Path dir;

  @Test
  void anUnreachableMasterIsOneLineAndNothingIsWritten() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    Path file = SparkRunnerEqualityTest.tinySweep(dir);
    Path out = dir.resolve("never");
    String master = "spark://127.0.0.1:" + port;
    SparkRunnerEqualityTest.Result r = SparkRunnerEqualityTest.dsdl("sweep", file.toString(), "--out", out.toString(), "--runner", "spark",
        "--master", master, "--no-progress");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip().lines()).hasSize(1).first().asString()
        .startsWith("dsdl: Spark master '" + master + "' is unreachable: cannot connect to 127.0.0.1:" + port + " (")
        .endsWith("; nothing was run or written");
    assertThat(out).doesNotExist();
  }

  @Test
  void aNonEmptyOutIsRefusedBeforeSparkStartsAndItsFilesAreKept() throws Exception {
    Path file = SparkRunnerEqualityTest.tinySweep(dir);
    Path out = java.nio.file.Files.createDirectories(dir.resolve("taken"));
    Path foreign = java.nio.file.Files.writeString(out.resolve("notes.txt"), "mine");
    // the master does not answer: were the runner started first, this would be the master's refusal
    SparkRunnerEqualityTest.Result r = SparkRunnerEqualityTest.dsdl("sweep", file.toString(), "--out", out.toString(), "--runner", "spark",
        "--master", "spark://127.0.0.1:1", "--no-progress");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo("dsdl: --out '" + out + "' is not empty; choose a new folder");
    assertThat(java.nio.file.Files.readString(foreign)).isEqualTo("mine");
    try (var list = java.nio.file.Files.list(out)) {
      assertThat(list.toList()).containsExactly(foreign);
    }
  }

  @Test
  void aMasterThatIsNoAddressIsRefused() throws Exception {
    Path file = SparkRunnerEqualityTest.tinySweep(dir);
    SparkRunnerEqualityTest.Result r = SparkRunnerEqualityTest.dsdl("sweep", file.toString(), "--out", dir.resolve("never").toString(),
        "--runner", "spark", "--master", "spark://", "--no-progress");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("dsdl: Spark master 'spark://' is not a valid spark://HOST:PORT address");
    assertThat(dir.resolve("never")).doesNotExist();
  }
}
