package org.dsdl.app.rundir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.app.DsdlException;
import org.dsdl.app.ExitCodes;

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
  /** The file in a run directory that shows what the network sees: a row of training exemplars per class. */
  public static final String CONTACT_SHEET = "dataset.png";
  /** The lock file's name. */
  public static final String LOCK = ".lock";
  /**
   * Names at the top of a run directory that dsdl writes whatever the visualizers: a folder holding
   * any of them but no dsdl {@code run.json} is refused, so a user's file is never appended to or
   * replaced. (Visualizers' own files are recorded in run.json's {@code outputs} when they are written.)
   */
  static final List<String> OWN_FILES = List.of(MANIFEST, METRICS, CONTACT_SHEET, StateStore.DIR);
  /** Names the built-in visualizers write at the top of a run directory, refused in a folder that is not a dsdl run. */
  static final List<String> VISUALIZER_FILES = List.of("metrics.csv", "findings.json", "report.html", "arrays", "figures", "tensorboard");

  private final Path dir;
  private final FileChannel lockChannel;
  private final BufferedWriter metrics;
  private long lines;

  private RunDirectory(Path dir, FileChannel lockChannel, long lines) throws IOException {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lines = lines;
    this.metrics = Files.newBufferedWriter(dir.resolve(METRICS), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Takes the exclusive lock of an existing run directory, or says that another process holds it;
   * for commands that write into a finished run (a resume, {@code dsdl report}). Close it to release.
   */
  public static FileChannel lock(Path dir) throws IOException {
    return lock(dir, "run directory");
  }

  /**
   * Takes the exclusive lock ({@value #LOCK}) of the directory {@code dir}, a {@code kind} ("run
   * directory", "sweep directory") named in the refusal when another process holds it.
   */
  public static FileChannel lock(Path dir, String kind) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() != null) {
        return channel;
      }
    } catch (OverlappingFileLockException e) {
      // held by this very process
    }
    channel.close();
    throw DsdlException.badInput(kind + " " + dir + " is in use by another dsdl process (it holds " + dir.resolve(LOCK)
        + "); wait for it to finish or stop it first");
  }

  /**
   * Checks that {@code dir} can hold a new run; nothing is written. A folder that holds files a new
   * run would write (run.json, metrics.jsonl, figures/, …) is refused unless it holds a previous
   * dsdl run and {@code force} is given: {@code --force} replaces only what a dsdl run wrote.
   *
   * @param force replace a previous dsdl run's files in {@code dir}
   */
  public static void check(Path dir, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw DsdlException.badInput("--out '" + dir + "' exists and is not a directory");
    }
    if (Files.isDirectory(dir)) {
      Path manifest = dir.resolve(MANIFEST);
      if (Files.exists(manifest)) {
        if (!isDsdlManifest(manifest)) {
          throw DsdlException.badInput("--out '" + dir + "' holds a " + MANIFEST + " that dsdl did not write; choose another --out"
              + (force ? " (--force only replaces a previous dsdl run)" : ""));
        }
        if (!force) {
          throw DsdlException.badInput("--out '" + dir + "' already holds a run (" + MANIFEST + " exists); choose another --out, or pass --force to replace it");
        }
      } else {
        List<String> clashes = new ArrayList<>();
        for (String name : concat(OWN_FILES, VISUALIZER_FILES)) {
          if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            clashes.add(name);
          }
        }
        if (!clashes.isEmpty()) {
          throw DsdlException.badInput("--out '" + dir + "' holds files that dsdl did not write (" + String.join(", ", clashes)
              + ") and no dsdl " + MANIFEST + "; a run would overwrite or append to them, so choose an empty or new folder"
              + (force ? " (--force only replaces a previous dsdl run)" : ""));
        }
      }
    }
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isWritable(existing)) {
      throw DsdlException.badInput("--out '" + dir + "' is not writable" + (existing == null ? "" : " (" + existing + " is read-only)"));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Whether {@code file} reads as a run.json dsdl wrote: a JSON object with a format, a status, a config and dsdl's version. */
  static boolean isDsdlManifest(Path file) {
    try {
      JsonNode tree = Json.PRETTY.readTree(file.toFile());
      return tree != null && tree.path("format").isInt() && tree.path("status").isTextual() && tree.path("config").isObject()
          && tree.path("versions").path("dsdl").isTextual();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Creates the directory (or, with force, removes a previous dsdl run's files from it: its own
   * files, its state and the visualizer outputs its run.json lists; nothing else), takes its lock,
   * opens the metrics log and writes the first manifest. If any of that fails, what this call
   * created is removed again.
   */
  public static RunDirectory create(Path dir, boolean force, Manifest first) {
    check(dir, force);
    boolean existed = Files.isDirectory(dir);
    FileChannel lock = null;
    RunDirectory created = null;
    try {
      Files.createDirectories(dir);
      lock = lock(dir);
      if (force && Files.exists(dir.resolve(MANIFEST))) {
        removePreviousRun(dir);
      }
      created = new RunDirectory(dir, lock, 0);
      created.writeManifest(first);
      return created;
    } catch (IOException | RuntimeException e) {
      try {
        if (created != null) {
          created.metrics.close();
          Files.deleteIfExists(dir.resolve(METRICS));
          Files.deleteIfExists(dir.resolve(MANIFEST));
        }
        if (lock != null) {
          lock.close();
          Files.deleteIfExists(dir.resolve(LOCK));
        }
        if (!existed) {
          Files.deleteIfExists(dir);
        }
      } catch (IOException ignored) {
        // best effort: the error below is what matters
      }
      if (e instanceof DsdlException d) {
        throw d;
      }
      throw new DsdlException(ExitCodes.RUN_FAILED, "cannot create run directory '" + dir + "': " + e.getMessage(), e);
    }
  }

  /** Removes what the previous dsdl run in {@code dir} wrote; a file it did not write is left alone. */
  private static void removePreviousRun(Path dir) throws IOException {
    Manifest previous = RunRecordReader.manifest(dir);
    if (previous.outputs() != null) {
      for (String output : previous.outputs()) {
        Path p = dir.resolve(output).normalize();
        if (p.startsWith(dir.normalize()) && !p.equals(dir.normalize()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(p);
          removeEmptyParents(p.getParent(), dir);
        }
      }
    }
    deleteRecursively(dir.resolve(StateStore.DIR));
    for (String name : List.of(METRICS, CONTACT_SHEET, MANIFEST)) {
      Files.deleteIfExists(dir.resolve(name));
    }
  }

  private static void removeEmptyParents(Path folder, Path top) throws IOException {
    Path stop = top.normalize();
    for (Path p = folder; p != null && p.startsWith(stop) && !p.equals(stop); p = p.getParent()) {
      try (Stream<Path> entries = Files.list(p)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(p);
    }
  }

  /** Deletes the probes' work directories ({@code state/probes}) of a completed run. */
  public static void deleteProbeWork(Path dir) throws IOException {
    deleteRecursively(dir.resolve(StateStore.DIR).resolve(WorkFiles.DIR));
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /**
   * Opens an existing run to continue it, under {@code lock} (from {@link #lock}): keeps the first
   * {@code keptLines} lines of metrics.jsonl, those written up to the saved state, and drops the
   * rest (measurements of later checkpoints, or of the end-of-run phase, that a resume measures
   * again), rewriting the file atomically; then appends.
   *
   * @throws DsdlException if metrics.jsonl holds fewer lines than the saved state recorded
   */
  public static RunDirectory reopen(Path dir, FileChannel lock, long keptLines) throws IOException {
    Path metrics = dir.resolve(METRICS);
    List<String> kept = new ArrayList<>();
    if (Files.exists(metrics)) {
      try (java.io.BufferedReader r = Files.newBufferedReader(metrics, StandardCharsets.UTF_8)) {
        String line;
        while (kept.size() < keptLines && (line = r.readLine()) != null) {
          kept.add(line);
        }
      }
    }
    if (kept.size() < keptLines) {
      throw DsdlException.badInput("cannot resume " + dir + ": " + metrics + " holds " + kept.size() + " lines, but the saved state was written after "
          + keptLines + "; the file was truncated or replaced");
    }
    OutputFiles.writeAtomically(metrics, out -> {
      for (String line : kept) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    });
    return new RunDirectory(dir, lock, kept.size());
  }

  /** The directory. */
  public Path path() {
    return dir;
  }

  /** Replaces run.json atomically. */
  public void writeManifest(Manifest manifest) throws IOException {
    writeManifest(dir, manifest);
  }

  /** Replaces the run.json of {@code dir} atomically (its writer holds the run's lock). */
  public static void writeManifest(Path dir, Manifest manifest) throws IOException {
    OutputFiles.writeAtomically(dir.resolve(MANIFEST), out -> Json.PRETTY.writeValue(out, manifest));
  }

  /** Appends measurements to metrics.jsonl and flushes them to the file. */
  public void append(List<Measurement> measurements) throws IOException {
    for (Measurement m : measurements) {
      metrics.write(Json.LINES.writeValueAsString(MeasurementCodec.toJson(m)));
      metrics.write('\n');
    }
    metrics.flush();
    lines += measurements.size();
  }

  /** Lines in metrics.jsonl so far (as kept by a resume, plus those appended since). */
  public long lines() {
    return lines;
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
