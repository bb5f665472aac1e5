package org.dsdl.pluginit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's licence, and THIRD-PARTY.md against what the build packages: every third-party jar
 * in the packaged dsdl's {@code lib/} has its row (artifact, version, licence), and no row names a
 * jar that is no longer there.
 */
class ThirdPartyLicencesIT {
  static final Path APP = Path.of(System.getProperty("dsdl.app", "../app/target"));
  static final Path ROOT = Path.of("..");
  static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+\\.jar)` \\| `[^`]+`.*\\| ([^|]+) \\|$");

  @Test
  void dsdlIsApacheLicensed() throws IOException {
    assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004",
        "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS");
    assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<licenses>", "<name>Apache-2.0</name>");
  }

  @Test
  void thirdPartyTableNamesExactlyTheBundledJars() throws IOException {
    Set<String> bundled = new TreeSet<>();
    try (Stream<Path> s = Files.list(APP.resolve("lib"))) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar") && !n.startsWith("dsdl-")).forEach(bundled::add);
    }
    assertThat(bundled).as("the packaged app's third-party jars").isNotEmpty();
    Set<String> named = new TreeSet<>();
    Matcher m = ROW.matcher(Files.readString(ROOT.resolve("THIRD-PARTY.md")));
    while (m.find()) {
      named.add(m.group(1));
      assertThat(m.group(2).strip()).as("compatibility of " + m.group(1) + " with Apache-2.0").startsWith("yes");
    }
    assertThat(named).as("jars named in THIRD-PARTY.md").isEqualTo(bundled);
  }
}
