package org.dsdl.api.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writing output files so that readers never see half of one. */
public final class OutputFiles {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private OutputFiles() {}

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Writer {
    /** Writes everything to {@code out}. */
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} by writing a temporary file beside it and renaming it into place, so the
   * target is either the old file or the complete new one, never a half-written one.
   */
  public static void writeAtomically(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: that makes the file owner-only (600); outputs should follow the umask like any file.
    Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        writer.write(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
