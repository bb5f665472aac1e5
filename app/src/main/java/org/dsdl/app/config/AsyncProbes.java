package org.dsdl.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether the probes of a checkpoint run beside training ({@code checkpoints.async}), written in
 * lower case in a config. Beside training, the snapshot is still taken at the checkpoint's step;
 * the probes measure it on a worker while training goes on, and the measurements are the same.
 */
public enum AsyncProbes {
  /** Beside training when the engine leaves cores idle: it trains on a GPU, or on fewer threads than the machine has cores. */
  AUTO,
  /** Always beside training. */
  ALWAYS,
  /** Never: training waits at each checkpoint until its probes are done. */
  NEVER;

  /** The name a config uses: {@code auto}, {@code always} or {@code never}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name a config may use, in order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(AsyncProbes::id).toList();
  }

  /**
   * The setting a config names, in any case.
   *
   * @throws IllegalArgumentException naming the key and the settings offered
   */
  @JsonCreator
  public static AsyncProbes of(String id) {
    String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
    for (AsyncProbes a : values()) {
      if (a.id().equals(wanted)) {
        return a;
      }
    }
    throw new IllegalArgumentException("checkpoints.async must be one of " + ids() + ", got '" + wanted + "'");
  }

  /**
   * Whether the probes run beside training, for an engine that {@code leavesCoresIdle}.
   *
   * @param leavesCoresIdle the engine trains on an accelerator or on fewer threads than there are cores
   */
  public boolean beside(boolean leavesCoresIdle) {
    return switch (this) {
      case AUTO -> leavesCoresIdle;
      case ALWAYS -> true;
      case NEVER -> false;
    };
  }
}
