package org.dsdl.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A dsdl page opened in headless Chromium (Debian package chromium, installed by .ci/run) for the
 * app's page tests: its DOM once loaded, with what the page logged, and a screenshot to look at in
 * {@code target/report-screenshots}. Each call has a profile of its own under {@code work}.
 */
public final class PageInChromium {
  /** Where Debian installs Chromium. */
  public static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Path SHOTS = Path.of("target", "report-screenshots");

  private PageInChromium() {}

  /**
   * The page's DOM and its body element, once loaded.
   *
   * @param dom the serialised DOM
   * @param body the body's opening tag (where the pages' self-tests write their results)
   * @param log what Chromium and the page logged
   */
  public record Loaded(String dom, String body, String log) {}

  /** Loads {@code url} (a page's file URL, with a hash where the page takes one) and returns its DOM once loaded. */
  public static Loaded load(String url, Path work, String name) throws IOException, InterruptedException {
    Path err = work.resolve(name + "-chromium.err");
    Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + work.resolve(name + "-profile"), "--window-size=1280,2400", "--dump-dom", url)
        .redirectError(err.toFile()).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String body = dom.substring(dom.indexOf("<body"), dom.indexOf('>', dom.indexOf("<body")) + 1);
    return new Loaded(dom, body, Files.readString(err));
  }

  /** Writes a screenshot of {@code page}, {@code width} × {@code height}, to target/report-screenshots/{@code file}; returns it. */
  public static Path screenshot(Path page, Path work, String file, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(SHOTS);
    Path shot = SHOTS.resolve(file).toAbsolutePath();
    Process s = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--user-data-dir=" + work.resolve(file + "-profile"), "--window-size=" + width + "," + height, "--screenshot=" + shot,
        page.toUri().toString()).redirectErrorStream(true).redirectOutput(work.resolve(file + ".log").toFile()).start();
    assertThat(s.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return shot;
  }
}
