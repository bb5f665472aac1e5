package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoFailuresTest {
  @Test
  void aFullDiskNamesTheFileOrTheRunAndHowToContinue() {
    var plain = new RunDirectoryIoException(Path.of("/runs/a"), new IOException("No space left on device"));
    assertThat(IoFailures.describe(plain))
        .isEqualTo("no space left on device: /runs/a; the run's state is saved at every checkpoint: continue it with dsdl run --resume /runs/a");
    var withFile = new RunDirectoryIoException(Path.of("/runs/a"),
        new FileSystemException("/runs/a/state/x.bin", null, "No space left on device"));
    assertThat(IoFailures.describe(withFile)).startsWith("no space left on device: /runs/a/state/x.bin;");
    assertThat(IoFailures.describe(new java.io.UncheckedIOException(new IOException("No space left on device"))))
        .isEqualTo("no space left on device");
  }

  @Test
  void otherRunDirectoryFailuresAreOneLineAndOthersAreNotRecognised() {
    var denied = new RunDirectoryIoException(Path.of("/runs/a"), new java.nio.file.AccessDeniedException("/runs/a/run.json"));
    assertThat(IoFailures.describe(denied)).startsWith("cannot write /runs/a/run.json: AccessDeniedException");
    assertThat(IoFailures.describe(new IllegalStateException("bug"))).isNull();
  }
}
