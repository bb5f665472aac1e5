package org.dsdl.sweep.spark;

import java.util.Arrays;
import org.dsdl.app.Main;

/**
 * The entry point of the Spark launcher ({@code dsdl-spark}) and of the {@code -submit} jar: the
 * {@code dsdl} command line, with log4j2 as its logger ({@code --debug} raises dsdl's level through
 * the shipped {@code log4j2.properties}).
 */
public final class SparkMain {
  /** The system property the shipped log4j2 configuration reads dsdl's log level from. */
  static final String LOG_LEVEL = "dsdl.log.level";

  private SparkMain() {}

  /** Runs {@code dsdl args…} and exits with its exit code. */
  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--debug") && System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "DEBUG"); // before the first logger reads the configuration
    }
    Main.main(args);
  }
}
