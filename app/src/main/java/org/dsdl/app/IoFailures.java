package org.dsdl.app;

import java.nio.file.FileSystemException;
import java.util.Locale;

/** Recognises input/output failures that deserve a plain sentence rather than an internal error. */
final class IoFailures {
  private IoFailures() {}

  /**
   * One line for a failure to write a run directory or other file, or null if {@code e} is not
   * one: "no space left on device: PATH" when the disk is full, with how to continue.
   */
  static String describe(Throwable e) {
    RunDirectoryIoException run = null;
    String file = null;
    boolean full = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RunDirectoryIoException r && run == null) {
        run = r;
      }
      if (t instanceof FileSystemException f && f.getFile() != null && file == null) {
        file = f.getFile();
      }
      full |= t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("no space left on device");
    }
    String where = file != null ? file : run != null ? run.directory().toString() : null;
    String resume = run == null ? "" : "; the run's state is saved at every checkpoint: continue it with dsdl run --resume " + run.directory();
    if (full) {
      return "no space left on device" + (where == null ? "" : ": " + where) + resume;
    }
    if (run != null) {
      Throwable cause = run.getCause();
      return "cannot write " + where + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + resume;
    }
    return null;
  }
}
