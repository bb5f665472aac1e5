package org.dsdl.app.rundir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.DsdlException;

/**
 * The run directory being written: {@code run.json} replaced atomically at every checkpoint,
 * {@code metrics.jsonl} appended and flushed at every checkpoint, so a killed run leaves every
 * measured checkpoint readable. While open, it holds an exclusive lock on {@code .lock}, so two
 * processes (say, a resume started while the run is still going) never write one run; the
 * operating system drops the lock when the process dies.
 */
public final class RunDirectory implements AutoCloseable {
  /** The manifest's file name. */
  public static final String MANIFEST = "run.json";
  /** The measurements' file name. */
  public static final String METRICS = "metrics.jsonl";
  /** Everything dsdl writes in a run directory, removed by {@code --force}. */
  private static final List<String> OUTPUTS = List.of(MANIFEST, METRICS, "metrics.csv", "report.html", "state", "arrays", "figures", "tensorboard");

  /** The lock file's name. */
  public static final String LOCK = ".lock";

  private final Path dir;
  private final FileChannel lockChannel;
  private final BufferedWriter metrics;

  private RunDirectory(Path dir, FileChannel lockChannel) throws IOException {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.metrics = Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Takes the run's exclusive lock, or says that another process holds it. */
  private static FileChannel lock(Path dir) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() != null) {
        return channel;
      }
    } catch (OverlappingFileLockException e) {
      // held by this very process
    }
    channel.close();
    throw DsdlException.badInput("run directory " + dir + " is in use by another dsdl process (it holds " + dir.resolve(LOCK)
        + "); wait for it to finish or stop it first");
  }

  /**
   * Checks that {@code dir} can hold a new run and opens it; nothing is written before the checks pass.
   *
   * @param force replace a previous run's files in {@code dir}
   */
  public static void check(Path dir, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw DsdlException.badInput("--out '" + dir + "' exists and is not a directory");
    }
    if (Files.exists(dir.resolve(MANIFEST)) && !force) {
      throw DsdlException.badInput("--out '" + dir + "' already holds a run (" + MANIFEST + " exists); choose another --out, or pass --force to replace it");
    }
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isWritable(existing)) {
      throw DsdlException.badInput("--out '" + dir + "' is not writable" + (existing == null ? "" : " (" + existing + " is read-only)"));
    }
  }

  /** Creates (or, with force, clears dsdl's files from) the directory and opens the metrics log. */
  public static RunDirectory create(Path dir, boolean force) {
    check(dir, force);
    try {
      Files.createDirectories(dir);
      FileChannel lock = lock(dir);
      if (force) {
        for (String name : OUTPUTS) {
          deleteRecursively(dir.resolve(name));
        }
      }
      return new RunDirectory(dir, lock);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot create run directory '" + dir + "': " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /**
   * Opens an existing run to continue it: keeps the measurements of checkpoints before
   * {@code nextCheckpoint} (dropping later ones and a truncated last line, as a killed run may
   * leave them), rewriting metrics.jsonl atomically, then appends.
   */
  public static RunDirectory reopen(Path dir, int nextCheckpoint) throws IOException {
    FileChannel lock = lock(dir);
    Path metrics = dir.resolve(METRICS);
    List<String> kept = new java.util.ArrayList<>();
    if (Files.exists(metrics)) {
      for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
        try {
          if (!line.isBlank() && Json.LINES.readTree(line).path("checkpoint").asInt(Integer.MAX_VALUE) < nextCheckpoint) {
            kept.add(line);
          }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          // a line cut short by a kill: measured again after the resume
        }
      }
    }
    OutputFiles.writeAtomically(metrics, out -> {
      for (String line : kept) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    });
    return new RunDirectory(dir, lock);
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /** Replaces run.json atomically. */
  public void writeManifest(Manifest manifest) throws IOException {
    OutputFiles.writeAtomically(dir.resolve(MANIFEST), out -> Json.PRETTY.writeValue(out, manifest));
  }

  /** Appends measurements to metrics.jsonl and flushes them to the file. */
  public void append(List<Measurement> measurements) throws IOException {
    for (Measurement m : measurements) {
      metrics.write(Json.LINES.writeValueAsString(MeasurementCodec.toJson(m)));
      metrics.write('\n');
    }
    metrics.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      metrics.close();
    } finally {
      lockChannel.close();
    }
  }
}
