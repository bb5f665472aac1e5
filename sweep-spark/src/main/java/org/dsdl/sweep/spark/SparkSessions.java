package org.dsdl.sweep.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.dsdl.app.DsdlException;
import org.dsdl.app.sweep.SweepRunnerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the sweep's Spark session. The master is {@code --master}, else the {@code spark.master}
 * that {@code spark-submit} sets, else {@code local[N]} in this process with N = {@code --parallel}
 * (so the embedded runner runs as many runs at a time, with the same engine threads, as the local
 * runner would). Other settings come from {@code spark.*} system properties and
 * {@code spark-submit --conf} as usual. A standalone master ({@code spark://HOST:PORT}) that does not
 * answer is refused at once with one line, before anything is written; Spark itself would retry
 * for a minute and then stop the session under a sweep already begun.
 */
final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  static final String ONEDNN = "TF_ENABLE_ONEDNN_OPTS";

  private SparkSessions() {}

  static SparkSession start(SweepRunnerSettings settings) {
    SparkConf conf = new SparkConf(); // reads the spark.* system properties, as spark-submit passes them
    String master = settings.master() != null ? settings.master()
        : conf.contains("spark.master") ? conf.get("spark.master") : "local[" + settings.parallel() + "]";
    conf.setMaster(master);
    conf.setIfMissing("spark.app.name", "dsdl sweep " + settings.sweepName());
    if (master.startsWith("local")) {
      // embedded: nothing to serve to other machines
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setIfMissing("spark.sql.shuffle.partitions", "4"); // the results table is small
    passOneDnn(conf, System.getenv());
    checkReachable(master);
    long t0 = System.nanoTime();
    try {
      SparkSession session = SparkSession.builder().config(conf).getOrCreate();
      LOG.info("Spark {} started on {} in {} s", session.version(), master,
          String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
      return session;
    } catch (RuntimeException e) {
      throw DsdlException.badInput("cannot start Spark on master '" + master + "': " + e.getMessage(), e);
    }
  }

  /**
   * Executors run TensorFlow with the driver's choice of oneDNN kernels (TensorFlow reads
   * {@value #ONEDNN} as its native library loads, in each executor's process): the driver's value, else
   * 1 as dsdl's launchers set it; a {@code spark.executorEnv.TF_ENABLE_ONEDNN_OPTS} already given (--conf) stays.
   */
  static void passOneDnn(SparkConf conf, Map<String, String> env) {
    conf.setIfMissing("spark.executorEnv." + ONEDNN, env.getOrDefault(ONEDNN, "1"));
  }

  /** Refuses a standalone master none of whose addresses accepts a connection. */
  static void checkReachable(String master) {
    if (!master.startsWith("spark://")) {
      return; // local[…] needs nothing; yarn, k8s:// and others report their own errors
    }
    List<String> failures = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      URI uri;
      try {
        uri = URI.create("spark://" + hostPort.strip());
      } catch (IllegalArgumentException e) {
        throw DsdlException.badInput("Spark master '" + master + "' is not a valid spark://HOST:PORT address: " + e.getMessage(), e);
      }
      if (uri.getHost() == null) {
        throw DsdlException.badInput("Spark master '" + master + "' is not a valid spark://HOST:PORT address");
      }
      int port = uri.getPort() < 0 ? 7077 : uri.getPort();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException e) {
        failures.add(uri.getHost() + ":" + port + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
      }
    }
    throw DsdlException.badInput("Spark master '" + master + "' is unreachable: cannot connect to " + String.join(", ", failures)
        + "; nothing was run or written");
  }
}
