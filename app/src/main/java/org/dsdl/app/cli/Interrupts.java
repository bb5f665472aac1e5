package org.dsdl.app.cli;

import org.dsdl.app.ExitCodes;
import org.dsdl.app.pipeline.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) asks the run to stop at the next step, save its state and mark itself
 * interrupted; a second Ctrl-C stops the process at once. Replacing the JVM's default handler
 * (which would start shutdown mid-step) needs {@code sun.misc.Signal}.
 */
final class Interrupts {
  private static final Logger LOG = LoggerFactory.getLogger(Interrupts.class);

  private Interrupts() {}

  static void onCtrlC(StopSignal stop) {
    try {
      Signal.handle(new Signal("INT"), sig -> {
        if (stop.requested()) {
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        LOG.warn("stopping at the next step and saving state (Ctrl-C again to abort now)");
        stop.request();
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.debug("cannot handle SIGINT here; Ctrl-C will end the process without saving", e);
    }
  }
}
