package org.dsdl.app.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A sweep directory built by hand, without training: runs as {@link SweepRun}s, and their run
 * directories under {@code runs/} with the smallest {@code run.json} dsdl reads back and a
 * {@code findings.json} as the {@code findings} visualizer writes it.
 */
public final class HandBuiltSweep {
  private final Path dir;

  private HandBuiltSweep(Path dir) {
    this.dir = dir;
  }

  /** A sweep in {@code dir}. */
  public static HandBuiltSweep in(Path dir) {
    return new HandBuiltSweep(dir);
  }

  /** The sweep directory. */
  public Path dir() {
    return dir;
  }

  /**
   * A run of {@code condition} at {@code seed}, named CONDITION_seed-N (characters other than letters, digits, '.' and '-' as
   * '_'), varying {@code key} to {@code value}.
   */
  public static SweepRun run(String condition, long seed, String key, int value) {
    String name = condition.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+", "") + "_seed-" + seed;
    return new SweepRun(name, condition, null,
        Map.of(key, JsonNodeFactory.instance.numberNode(value)), seed);
  }

  /** Writes {@code run}'s run.json with {@code status} (e.g. COMPLETED) and returns its directory. */
  public Path runDirectory(SweepRun run, String status) throws IOException {
    Path runDir = dir.resolve(SweepJournal.RUNS).resolve(run.name());
    Files.createDirectories(runDir);
    Files.writeString(runDir.resolve("run.json"), "{\"format\": 1, \"name\": \"" + run.name() + "\", \"status\": \"" + status
        + "\", \"seed\": " + run.seed() + "}");
    return runDir;
  }

  /** A findings.json's content: findings given as {topic, subject, verdict, step or null}. */
  public static String findings(SweepRun run, Object[]... findings) {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("name", run.name()).put("seed", run.seed());
    ArrayNode list = root.putArray("findings");
    for (Object[] f : findings) {
      ObjectNode o = list.addObject().put("topic", (String) f[0]).put("subject", (String) f[1]).put("verdict", (String) f[2])
          .put("statement", f[1] + " " + f[2]);
      if (f[3] == null) {
        o.putNull("step");
      } else {
        o.put("step", ((Number) f[3]).longValue());
      }
      o.put("uncertainty", "by hand");
    }
    return root.toPrettyString();
  }

  /** Writes {@code run}'s directory with {@code status} and these findings. */
  public Path withFindings(SweepRun run, String status, Object[]... findings) throws IOException {
    Path runDir = runDirectory(run, status);
    Files.writeString(runDir.resolve("findings.json"), findings(run, findings));
    return runDir;
  }

  /** One finding for {@link #findings}. */
  public static Object[] f(String topic, String subject, String verdict, Integer step) {
    return new Object[] {topic, subject, verdict, step};
  }
}
