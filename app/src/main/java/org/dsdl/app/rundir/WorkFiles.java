package org.dsdl.app.rundir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dsdl.app.DsdlException;

/**
 * The files probes keep in their work directories ({@code state/probes/NAME/}), checksummed at every
 * state save so that a resume never reads a corrupted, truncated or deleted one. A file is hashed
 * once per version (path, size, modification time): probes write a file once per checkpoint, so
 * each save hashes only the new ones.
 */
public final class WorkFiles {
  /** The folder under {@code state/} that holds the probes' work directories. */
  public static final String DIR = "probes";

  private record Version(long size, FileTime modified, String sha256) {}

  private final Map<Path, Version> hashed = new HashMap<>();

  /** SHA-256 of every regular file under {@code state/probes}, by path relative to {@code state/} ('/'-separated). */
  Map<String, String> hash(Path stateDir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Path file : files(stateDir)) {
      long size = Files.size(file);
      FileTime modified = Files.getLastModifiedTime(file);
      Version v = hashed.get(file);
      if (v == null || v.size() != size || !v.modified().equals(modified)) {
        v = new Version(size, modified, StateStore.sha256(file));
        hashed.put(file, v);
      }
      out.put(relative(stateDir, file), v.sha256());
    }
    return out;
  }

  /**
   * Checks every file a saved state lists against its checksum, without modifying anything.
   *
   * @return files present now that the state does not list: written after it was saved (by
   *     measurements a resume makes again), to be removed before the resume goes on
   */
  public static List<Path> verify(Path runDir, Map<String, String> expected) {
    Path stateDir = runDir.resolve(StateStore.DIR);
    try {
      for (Map.Entry<String, String> e : expected.entrySet()) {
        Path file = stateDir.resolve(e.getKey()).normalize();
        if (!file.startsWith(stateDir.resolve(DIR)) || !Files.isRegularFile(file)) {
          throw DsdlException.badInput("cannot resume " + runDir + ": the probe work file " + file + " named by the saved state is missing");
        }
        if (!StateStore.sha256(file).equals(e.getValue())) {
          throw DsdlException.badInput("cannot resume " + runDir + ": the probe work file " + file
              + " is corrupt or truncated (its SHA-256 differs from the one saved in " + stateDir.resolve(StateStore.TRAINER) + ")");
        }
      }
      List<Path> unlisted = new ArrayList<>();
      for (Path file : files(stateDir)) {
        if (!expected.containsKey(relative(stateDir, file))) {
          unlisted.add(file);
        }
      }
      return unlisted;
    } catch (IOException e) {
      throw DsdlException.badInput("cannot resume " + runDir + ": cannot read the probes' work files: " + e.getMessage(), e);
    }
  }

  private static List<Path> files(Path stateDir) throws IOException {
    Path root = stateDir.resolve(DIR);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String relative(Path stateDir, Path file) {
    return stateDir.relativize(file).toString().replace('\\', '/');
  }
}
