package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation users read refers only to what the project holds: every relative link in a
 * Markdown file resolves to a file or folder of the repository, and neither the Markdown nor the
 * Java sources (whose Javadoc users read) point into the workplace's {@code shared} folder,
 * which is not part of the project.
 */
class DocumentationTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String OUTSIDE = "shared" + "/"; // written so that this file does not match itself
  static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
          .filter(p -> {
            Path rel = ROOT.relativize(p);
            for (Path part : rel) {
              String n = part.toString();
              if (n.equals("target") || n.startsWith(".") || n.equals("node_modules") || n.equals("shared")) {
                return false;
              }
            }
            return true;
          }).sorted().toList();
    }
  }

  @Test
  void theRepositoryIsWhereThisTestLooks() {
    assertThat(ROOT.resolve("README.md")).isRegularFile();
    assertThat(ROOT.resolve("docs/writing-a-probe.md")).isRegularFile();
  }

  @Test
  void everyRelativeLinkInTheMarkdownResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path md : files(".md")) {
      Matcher m = LINK.matcher(Files.readString(md));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("#")) {
          continue; // https:, mailto:, an anchor in the same file
        }
        String file = target.replaceFirst("#.*$", "");
        if (!Files.exists(md.getParent().resolve(file).normalize())) {
          broken.add(ROOT.relativize(md) + ": " + target);
        }
      }
    }
    assertThat(broken).as("links to files the repository does not hold").isEmpty();
  }

  @Test
  void nothingPointsIntoTheWorkplacesSharedFolder() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> files = new ArrayList<>(files(".md"));
    files.addAll(files(".java"));
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(OUTSIDE)) {
          found.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(found).as("references to a folder that is not part of the project").isEmpty();
  }
}
