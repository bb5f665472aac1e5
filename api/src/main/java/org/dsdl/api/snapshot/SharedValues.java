package org.dsdl.api.snapshot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The cache behind {@link Snapshot#shared}: one slot per key, each computed once under its own
 * lock, so that a value being computed holds up only the callers that want that same value (the
 * built-in probes compute layers in parallel) and a computation may ask for other keys.
 */
final class SharedValues {
  private final Map<Object, Slot> slots = new ConcurrentHashMap<>();

  /** The value under {@code key}, computed by {@code compute} if there is none yet. */
  Object get(Object key, Supplier<?> compute) {
    return slots.computeIfAbsent(key, k -> new Slot()).get(key, compute);
  }

  private static final class Slot {
    private Object value;
    private boolean computing;

    synchronized Object get(Object key, Supplier<?> compute) {
      if (value == null) {
        if (computing) {
          throw new IllegalStateException("the shared value " + key + " was asked for while it was being computed");
        }
        computing = true;
        try {
          Object v = compute.get();
          if (v == null) {
            throw new IllegalStateException("the shared value " + key + " was computed as null");
          }
          value = v;
        } finally {
          computing = false;
        }
      }
      return value;
    }
  }
}
