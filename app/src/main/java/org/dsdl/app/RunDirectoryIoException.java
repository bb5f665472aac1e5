package org.dsdl.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writing a run directory failed (a full disk, a folder made read-only); the run can be resumed once that is fixed. */
public final class RunDirectoryIoException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;
  private final transient Path directory;

  /** A failure to write {@code directory}. */
  public RunDirectoryIoException(Path directory, IOException cause) {
    super("writing the run directory " + directory + " failed: " + cause.getMessage(), cause);
    this.directory = directory;
  }

  /** The run directory. */
  public Path directory() {
    return directory;
  }
}
