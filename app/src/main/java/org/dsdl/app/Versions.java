package org.dsdl.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions recorded in every run manifest, so a run can be reproduced. */
public final class Versions {
  private Versions() {}

  /** dsdl's own version, from the build. */
  public static String dsdl() {
    try (InputStream in = Versions.class.getResourceAsStream("/org/dsdl/app/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** dsdl, engine, Java, OS and CPU facts. */
  public static Map<String, String> all(String engine) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("dsdl", dsdl());
    v.put("engine", engine);
    v.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    v.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    v.put("cpu", cpuModel());
    return v;
  }

  /** The CPU's model name from /proc/cpuinfo (Linux), else the architecture. */
  static String cpuModel() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: fall through
    }
    return System.getProperty("os.arch");
  }
}
