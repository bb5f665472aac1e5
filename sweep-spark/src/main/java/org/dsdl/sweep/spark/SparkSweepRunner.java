package org.dsdl.sweep.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dsdl.api.run.RunStatus;
import org.dsdl.app.ExitCodes;
import org.dsdl.app.rundir.Json;
import org.dsdl.app.sweep.SweepJournal;
import org.dsdl.app.sweep.SweepPlan;
import org.dsdl.app.sweep.SweepProgress;
import org.dsdl.app.sweep.SweepRunner;
import org.dsdl.app.sweep.SweepRunnerSettings;
import org.dsdl.app.sweep.results.ResultsWriter;
import org.dsdl.app.training.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code spark} runner: each run is a Spark job of one task ({@link RunOnExecutor}), as many at a
 * time as the cluster has task slots, each recorded in the journal as it starts and ends. The run
 * directories go to the sweep's output URI through Hadoop's {@code FileSystem}: the sweep directory
 * itself unless {@code spark.dsdl.output} names another URI (e.g. {@code hdfs://…}, {@code s3a://…}),
 * in which case the driver also copies each finished run into its own sweep directory (so
 * {@code --resume} and the results tables work as with the local runner) and, at the end, the
 * sweep's files to the URI. {@code results.parquet} is written with Spark SQL.
 */
final class SparkSweepRunner implements SweepRunner {
  /** The runner's name. */
  static final String NAME = "spark";
  /** Spark setting: the URI run directories and results.parquet go to (default: the sweep directory). */
  static final String OUTPUT = "spark.dsdl.output";
  /** Spark setting: where executors unpack TensorFlow's native libraries (default: JavaCPP's, ~/.javacpp/cache). */
  static final String NATIVES_CACHE_DIR = "spark.dsdl.nativesCacheDir";
  private static final Logger LOG = LoggerFactory.getLogger(SparkSweepRunner.class);

  private final SparkSession spark;
  private final SweepRunnerSettings settings;
  private final Map<String, RunResult> returned = new ConcurrentHashMap<>();
  private URI output;
  private Path sweepDir;

  SparkSweepRunner(SparkSession spark, SweepRunnerSettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(SweepPlan plan, SweepJournal journal, StopSignal stop) throws IOException {
    sweepDir = journal.path().toAbsolutePath();
    output = outputUri(sweepDir);
    List<SweepPlan.Planned> todo = new ArrayList<>();
    int ended = 0;
    for (SweepPlan.Planned p : plan.runs()) {
      if (journal.manifest().runs().stream().anyMatch(e -> e.name().equals(p.run().name()) && e.finished())) {
        ended++;
        LOG.info("run {} has finished already; skipped", p.run().name());
      } else {
        todo.add(p);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, String> hadoop = hadoopSettings(sc.hadoopConfiguration());
    String sweepId = UUID.randomUUID().toString();
    LocalStops.register(sweepId, stop);
    int slots = Math.max(1, Math.min(todo.size(), sc.defaultParallelism()));
    LOG.info("running {} run(s) on Spark {} ({} at a time); run directories to {}", todo.size(), sc.master(), slots, output);
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(slots, r -> {
      Thread t = new Thread(r, "sweep-spark-job-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Thread canceller = canceller(sc, stop);
    try (SweepProgress bar = settings.progress() == null ? null : settings.progress().apply(ended)) {
      AtomicInteger done = new AtomicInteger(ended);
      List<Future<?>> futures = new ArrayList<>();
      for (SweepPlan.Planned p : todo) {
        RunRequest request = request(sweepId, p, hadoop);
        futures.add(pool.submit(() -> {
          runOne(sc, request, journal, stop, bar, done, plan.runs().size());
          return null;
        }));
      }
      org.dsdl.app.sweep.SweepWorkers.awaitAll(futures, stop);
    } finally {
      canceller.interrupt();
      pool.shutdownNow();
      LocalStops.unregister(sweepId);
    }
  }

  private RunRequest request(String sweepId, SweepPlan.Planned p, Map<String, String> hadoop) throws JsonProcessingException {
    String name = p.run().name();
    return new RunRequest(sweepId, name, Json.PRETTY.writeValueAsString(p.plan().resolved()), p.plan().source(),
        child(output, SweepJournal.RUNS + "/" + name).toString(), hadoop, spark.conf().get(NATIVES_CACHE_DIR, null));
  }

  private void runOne(JavaSparkContext sc, RunRequest request, SweepJournal journal, StopSignal stop, SweepProgress bar, AtomicInteger done,
      int total) throws IOException {
    String name = request.name();
    if (stop.requested()) {
      return; // not started: it stays as it was, for --resume
    }
    journal.started(name);
    long t0 = System.nanoTime();
    RunResult r;
    try {
      sc.setJobGroup("dsdl-" + name, "dsdl run " + name, true);
      r = sc.parallelize(List.of(request), 1).map(new RunOnExecutor()).collect().get(0);
    } catch (RuntimeException e) {
      if (stop.requested()) {
        LOG.warn("run {} was cancelled; its last copied state is kept for --resume", name);
        return;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      journal.ended(name, RunStatus.FAILED, ExitCodes.RUN_FAILED, "its Spark task failed: " + e.getMessage(), seconds);
      LOG.error("run {} failed: its Spark task failed: {} ({}/{} runs ended; the others go on)", name, e.getMessage(),
          done.incrementAndGet(), total);
      if (bar != null) {
        bar.ended(false);
      }
      return;
    }
    if (!output.equals(sweepDir.toUri())) {
      HadoopDirs.mirror(URI.create(request.target()), journal.runDirectory(name), sc.hadoopConfiguration());
    }
    returned.put(name, r);
    RunStatus status = RunStatus.valueOf(r.status());
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (status == RunStatus.INTERRUPTED) {
      journal.ended(name, status, r.exitCode(), r.error(), seconds);
      LOG.warn("run {} stopped at its saved state ({}/{} runs ended)", name, done.get(), total);
      return;
    }
    journal.ended(name, status, r.exitCode(), r.error(), seconds);
    boolean ok = status == RunStatus.COMPLETED && r.exitCode() == ExitCodes.OK;
    if (bar != null) {
      bar.ended(ok);
    }
    int n = done.incrementAndGet();
    if (ok) {
      LOG.info("run {} completed in {} s ({}/{} runs ended)", name, String.format(Locale.ROOT, "%.1f", seconds), n, total);
    } else {
      LOG.error("run {} {}: {} ({}/{} runs ended; the others go on)", name, status == RunStatus.COMPLETED ? "had probe failures" : "failed",
          r.error() == null ? "see its run.json" : r.error(), n, total);
    }
  }

  /** Cancels the sweep's jobs when a stop is requested, for executors outside this process (embedded ones see the stop itself). */
  private static Thread canceller(JavaSparkContext sc, StopSignal stop) {
    Thread t = new Thread(() -> {
      try {
        while (!stop.requested()) {
          Thread.sleep(200);
        }
        if (!sc.isLocal()) {
          sc.cancelAllJobs();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the runs have ended
      }
    }, "dsdl-spark-canceller");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public List<ResultsWriter> resultsWriters() {
    return List.of(new ResultsParquet(spark, () -> output, returned));
  }

  /** Stops the session; when the output URI is not the sweep directory, first copies the sweep's own files there. */
  @Override
  public void close() throws IOException {
    try {
      if (output != null && !output.equals(sweepDir.toUri())) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Path> files;
        try (var list = Files.list(sweepDir)) {
          files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(SweepJournal.LOCK)
              && !f.getFileName().toString().equals(ResultsParquet.FILE)).sorted().toList();
        }
        for (Path local : files) {
          HadoopDirs.fileSystem(output, conf).copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()),
              new org.apache.hadoop.fs.Path(child(output, local.getFileName().toString())));
        }
        LOG.info("sweep files copied to {}", output);
      }
    } finally {
      spark.stop();
    }
  }

  /** The output URI: {@code spark.dsdl.output}, or the sweep directory's own. */
  private URI outputUri(Path dir) {
    String configured = spark.conf().get(OUTPUT, null);
    URI uri = configured == null ? dir.toUri() : URI.create(configured.endsWith("/") ? configured : configured + "/");
    return uri.getScheme() == null ? Path.of(uri.getPath()).toAbsolutePath().toUri() : uri;
  }

  /** {@code child} under the directory URI {@code dir}. */
  static URI child(URI dir, String child) {
    String s = dir.toString();
    return URI.create(s.endsWith("/") ? s + child : s + "/" + child);
  }

  /** The driver's Hadoop settings that differ from Hadoop's defaults, for the executors' file systems. */
  private static Map<String, String> hadoopSettings(Configuration driver) {
    Configuration defaults = new Configuration();
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, String> e : driver) {
      if (!e.getValue().equals(defaults.getRaw(e.getKey()))) {
        out.put(e.getKey(), driver.get(e.getKey()));
      }
    }
    return out;
  }
}
