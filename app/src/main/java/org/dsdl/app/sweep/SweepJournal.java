package org.dsdl.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dsdl.api.io.OutputFiles;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.DsdlException;
import org.dsdl.app.Versions;
import org.dsdl.app.rundir.Json;

/**
 * The sweep directory while a sweep runs: its lock, and {@code sweep.json} rewritten atomically
 * whenever a run starts or ends, so a sweep that dies keeps the record of every run that ended.
 * Safe to call from the runner's threads.
 */
public final class SweepJournal implements AutoCloseable {
  /** The sweep's manifest. */
  public static final String MANIFEST = "sweep.json";
  /** The folder of the run directories. */
  public static final String RUNS = "runs";
  /** Held while a dsdl process writes the sweep. */
  public static final String LOCK = org.dsdl.app.rundir.RunDirectory.LOCK;

  private final Path dir;
  private final FileChannel lock;
  private final long startNanos = System.nanoTime();
  private final double earlierSeconds;
  private SweepManifest manifest;

  private SweepJournal(Path dir, FileChannel lock, SweepManifest first, double earlierSeconds) throws IOException {
    this.dir = dir;
    this.lock = lock;
    this.earlierSeconds = earlierSeconds;
    this.manifest = first;
    write();
  }

  /**
   * Starts a new sweep in {@code dir}, which must not exist or be empty (dsdl never writes into a
   * folder holding files it did not write).
   */
  public static SweepJournal create(Path dir, SweepPlan plan, String runner, int parallel) {
    requireNewOrEmpty(dir);
    try {
      Files.createDirectories(dir.resolve(RUNS));
      List<SweepManifest.Entry> runs = new ArrayList<>();
      for (SweepPlan.Planned p : plan.runs()) {
        SweepRun r = p.run();
        runs.add(new SweepManifest.Entry(r.name(), r.condition(), r.conditionName(), r.settings(), r.seed(), RUNS + "/" + r.name(),
            null, null, null, null));
      }
      SweepManifest first = new SweepManifest(SweepManifest.FORMAT, plan.spec().name(), RunStatus.RUNNING, runner, parallel,
          plan.threadsPerRun(), versions(), SweepFile.toTree(plan.spec()), Instant.now().toString(), 0, runs, List.of());
      return new SweepJournal(dir, lock(dir), first, 0);
    } catch (IOException e) {
      throw new org.dsdl.app.RunDirectoryIoException(dir, e);
    }
  }

  /**
   * Refuses {@code dir} as a new sweep's directory unless it is missing or empty (bad input naming
   * it); the sweep command checks this before a runner starts, so a refusal costs no Spark start-up.
   */
  public static void requireNewOrEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    boolean empty;
    try (var list = Files.list(dir)) {
      empty = list.findAny().isEmpty();
    } catch (IOException e) {
      throw DsdlException.badInput("--out '" + dir + "' exists and is not a readable directory: " + e.getMessage(), e);
    }
    if (!empty) {
      throw DsdlException.badInput("--out '" + dir + "' is not empty; choose a new folder"
          + (Files.exists(dir.resolve(MANIFEST)) ? ", or continue the sweep there with dsdl sweep --resume " + dir : ""));
    }
  }

  /** Reads {@code dir}'s sweep.json; a missing or foreign one is bad input. */
  public static SweepManifest read(Path dir) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw DsdlException.badInput("'" + dir + "' is not a dsdl sweep directory: " + MANIFEST + " is missing");
    }
    try {
      JsonNode tree = Json.PRETTY.readTree(file.toFile());
      int format = tree.path("format").asInt(-1);
      if (format < 1 || format > SweepManifest.FORMAT) {
        throw DsdlException.badInput(file + " has format " + format + "; this dsdl reads format " + SweepManifest.FORMAT);
      }
      return Json.PRETTY.treeToValue(tree, SweepManifest.class);
    } catch (JsonProcessingException e) {
      throw DsdlException.badInput(file + " is not a valid sweep manifest: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DsdlException.badInput("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Continues the sweep in {@code dir} with {@code plan} (made from its stored spec): the runs must
   * be the ones it recorded; their recorded outcomes are kept.
   */
  public static SweepJournal reopen(Path dir, SweepManifest stored, SweepPlan plan, String runner, int parallel) {
    List<String> now = plan.runs().stream().map(p -> p.run().name()).toList();
    List<String> then = stored.runs().stream().map(SweepManifest.Entry::name).toList();
    if (!now.equals(then)) {
      throw DsdlException.badInput("cannot resume " + dir + ": its stored sweep expands to other runs than " + MANIFEST + " lists");
    }
    FileChannel lock = lock(dir);
    try {
      SweepManifest first = new SweepManifest(SweepManifest.FORMAT, stored.name(), RunStatus.RUNNING, runner, parallel, plan.threadsPerRun(),
          versions(), stored.spec(), Instant.now().toString(), stored.seconds(), stored.runs(), stored.outputs());
      return new SweepJournal(dir, lock, first, stored.seconds());
    } catch (IOException e) {
      try {
        lock.close();
      } catch (IOException ignored) {
        // the first failure is the one to report
      }
      throw new org.dsdl.app.RunDirectoryIoException(dir, e);
    }
  }

  private static FileChannel lock(Path dir) {
    try {
      return org.dsdl.app.rundir.RunDirectory.lock(dir, "sweep directory");
    } catch (IOException e) {
      throw DsdlException.badInput("cannot lock sweep directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The sweep directory. */
  public Path path() {
    return dir;
  }

  /** The run directory of {@code run}. */
  public Path runDirectory(String run) {
    return dir.resolve(RUNS).resolve(run);
  }

  /** The manifest as it stands. */
  public synchronized SweepManifest manifest() {
    return manifest;
  }

  /** Records that {@code run} has started (or resumed). */
  public synchronized void started(String run) throws IOException {
    update(run, e -> e.with(RunStatus.RUNNING, null, null, null));
  }

  /** Records how {@code run} ended. */
  public synchronized void ended(String run, RunStatus status, int exitCode, String error, double seconds) throws IOException {
    update(run, e -> e.with(status, exitCode, error, seconds));
  }

  /** Records the sweep's end: its status and the results writers' files. */
  public synchronized void finish(RunStatus status, List<String> outputs) throws IOException {
    manifest = copy(status, manifest.runs(), outputs);
    write();
  }

  private void update(String run, java.util.function.UnaryOperator<SweepManifest.Entry> change) throws IOException {
    List<SweepManifest.Entry> runs = new ArrayList<>();
    for (SweepManifest.Entry e : manifest.runs()) {
      runs.add(e.name().equals(run) ? change.apply(e) : e);
    }
    manifest = copy(manifest.status(), runs, manifest.outputs());
    write();
  }

  private SweepManifest copy(RunStatus status, List<SweepManifest.Entry> runs, List<String> outputs) {
    SweepManifest m = manifest;
    return new SweepManifest(m.format(), m.name(), status, m.runner(), m.parallel(), m.threadsPerRun(), m.versions(), m.spec(),
        m.started(), earlierSeconds + (System.nanoTime() - startNanos) / 1e9, runs, outputs);
  }

  private void write() throws IOException {
    SweepManifest m = copy(manifest.status(), manifest.runs(), manifest.outputs());
    manifest = m;
    byte[] bytes = Json.PRETTY.writeValueAsBytes(m);
    OutputFiles.writeAtomically(dir.resolve(MANIFEST), out -> out.write(bytes));
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    lock.close();
  }

  /** dsdl, Java, OS and CPU (the engine's version is in each run's run.json). */
  private static Map<String, String> versions() {
    Map<String, String> v = new java.util.LinkedHashMap<>(Versions.all(""));
    v.remove("engine");
    return v;
  }
}
