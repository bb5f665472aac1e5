package org.dsdl.app.testplugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dsdl.api.measure.Measurement;
import org.dsdl.api.measure.Measurements;
import org.dsdl.api.plugin.Param;
import org.dsdl.api.probe.LayerSelection;
import org.dsdl.api.probe.Probe;
import org.dsdl.api.probe.ProbeContext;
import org.dsdl.api.probe.ProbeProvider;

/**
 * Test probe for probes beside training: takes {@code millis} at every checkpoint, and at checkpoint
 * {@code holdAt} waits until a test {@linkplain #release releases} it; it logs each checkpoint it
 * finished in {@link #EVENTS} (which a test may share with its own events).
 */
public final class PacedProbeProvider implements ProbeProvider<PacedProbeProvider.Params> {
  /** How long, and where to hold. */
  public record Params(@Param("milliseconds each measurement takes") long millis,
      @Param("checkpoint index to hold at until released; -1: none") int holdAt) {}

  /** "measured K" for each checkpoint K measured, in order, with whatever a test adds. */
  public static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
  private static volatile CountDownLatch held = new CountDownLatch(1);
  private static volatile CountDownLatch released = new CountDownLatch(1);

  /** Clears the events and arms the hold again. */
  public static void reset() {
    EVENTS.clear();
    held = new CountDownLatch(1);
    released = new CountDownLatch(1);
  }

  /** Waits (at most a minute) until the probe holds at its checkpoint. */
  public static boolean awaitHeld() throws InterruptedException {
    return held.await(1, TimeUnit.MINUTES);
  }

  /** Lets the held probe go on. */
  public static void release() {
    released.countDown();
  }

  @Override
  public String name() {
    return "paced";
  }

  @Override
  public String description() {
    return "test probe: takes a fixed time at every checkpoint, can be held at one";
  }

  @Override
  public Params defaultParameters() {
    return new Params(0, -1);
  }

  @Override
  public Probe create(Params parameters, ProbeContext context) {
    return new Probe() {
      @Override
      public LayerSelection layers() {
        return LayerSelection.none();
      }

      @Override
      public List<Measurement> measure(org.dsdl.api.snapshot.Snapshot s) {
        try {
          if (s.checkpoint().index() == parameters.holdAt()) {
            held.countDown();
            if (!released.await(1, TimeUnit.MINUTES)) {
              throw new IllegalStateException("never released");
            }
          }
          Thread.sleep(parameters.millis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        EVENTS.add("measured " + s.checkpoint().index());
        return new Measurements(context.name(), s.checkpoint()).scalar("step", null, s.checkpoint().step()).list();
      }
    };
  }
}
