package org.dsdl.sweep.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What a Spark task needs to run one run of a sweep: everything as plain text, so the task is a
 * pure function of it.
 *
 * @param sweepId this sweep's id in the driver's process (embedded executors share its stop signal)
 * @param name the run's name
 * @param config the run's resolved experiment config (JSON), as its run.json records it
 * @param source where the config came from, for messages
 * @param target the URI the run directory is copied to (and continued from, when it holds a stopped run)
 * @param hadoop Hadoop settings for the target's file system (the driver's {@code spark.hadoop.*})
 * @param nativesCacheDir where TensorFlow's native libraries unpack on the executor, or null for JavaCPP's default
 */
record RunRequest(String sweepId, String name, String config, String source, String target, Map<String, String> hadoop,
    String nativesCacheDir) implements Serializable {
  private static final long serialVersionUID = 1L;

  RunRequest {
    hadoop = Map.copyOf(hadoop);
  }
}
