package org.dsdl.app.cli;

import org.dsdl.app.ExitCodes;
import org.dsdl.app.training.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM ask the run to stop at the next step, save its state and mark itself
 * interrupted; a second signal stops the process at once. Replacing the JVM's default handlers
 * (which would start shutdown mid-step, leaving the run marked as running) needs
 * {@code sun.misc.Signal}.
 */
final class Interrupts {
  private static final Logger LOG = LoggerFactory.getLogger(Interrupts.class);

  private Interrupts() {}

  static void onStopSignals(StopSignal stop) {
    handle("INT", "Ctrl-C", ExitCodes.INTERRUPTED, stop);
    handle("TERM", "SIGTERM", ExitCodes.TERMINATED, stop);
  }

  private static void handle(String signal, String name, int exitCode, StopSignal stop) {
    try {
      Signal.handle(new Signal(signal), sig -> {
        if (stop.requested()) {
          Runtime.getRuntime().halt(exitCode);
        }
        LOG.warn("{}: stopping at the next step and saving state ({} again to abort now)", name, name);
        stop.request(name, exitCode);
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.debug("cannot handle SIG{} here; it will end the process without saving", signal, e);
    }
  }
}
