package org.dsdl.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  @TempDir
  Path dir;

  @Test
  void replacesTheTargetWhole() throws IOException {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "old");
    OutputFiles.writeAtomically(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(Files.list(dir)).containsExactly(f);
    Path fresh = dir.resolve("b.txt");
    OutputFiles.writeAtomically(fresh, out -> out.write(1));
    Path plain = Files.createFile(dir.resolve("c.txt"));
    assertThat(Files.getPosixFilePermissions(fresh)).as("follows the umask like a plain new file")
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void aFailingWriterLeavesTheOldFileAndNoTemporary() throws IOException {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "old");
    assertThatThrownBy(() -> OutputFiles.writeAtomically(f, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(f)).isEqualTo("old");
    assertThat(Files.list(dir)).containsExactly(f);
  }
}
