package org.dsdl.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the learning rate changes over a run ({@code training.schedule}), written in lower case in a config. */
public enum Schedule {
  /** The optimizer's learning rate at every step. */
  CONSTANT,
  /** Half a cosine from the learning rate down to {@code minLearningRateFactor} of it at the last step (Loshchilov &amp; Hutter 2017, without restarts). */
  COSINE,
  /** The learning rate multiplied by {@code stepFactor} every {@code stepEpochs} epochs. */
  STEP;

  /** The name a config uses: {@code constant}, {@code cosine} or {@code step}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name a config may use, in order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Schedule::id).toList();
  }

  /**
   * The schedule a config names, in any case.
   *
   * @throws IllegalArgumentException naming the key and the schedules offered
   */
  @JsonCreator
  public static Schedule of(String id) {
    String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
    for (Schedule s : values()) {
      if (s.id().equals(wanted)) {
        return s;
      }
    }
    throw new IllegalArgumentException("training.schedule must be one of " + ids() + ", got '" + wanted + "'");
  }
}
