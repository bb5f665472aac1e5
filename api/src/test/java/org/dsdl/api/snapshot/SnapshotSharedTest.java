package org.dsdl.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dsdl.api.run.Checkpoint;
import org.junit.jupiter.api.Test;

class SnapshotSharedTest {
  private record Key(String what) {}

  private static Snapshot snapshot() {
    return new Snapshot(new Checkpoint(0, 0, 0, 0), List.of("a"), new int[] {0}, new long[] {7}, new FloatMatrix(1, 1, new float[1]),
        Map.of(), Map.of());
  }

  @Test
  void computesOnceAndSharesTheValueByEqualKeys() {
    Snapshot s = snapshot();
    AtomicInteger computed = new AtomicInteger();
    StringBuilder first = s.shared(new Key("x"), StringBuilder.class, () -> new StringBuilder("v" + computed.incrementAndGet()));
    StringBuilder again = s.shared(new Key("x"), StringBuilder.class, () -> new StringBuilder("v" + computed.incrementAndGet()));
    assertThat(again).isSameAs(first);
    assertThat(first).hasToString("v1");
    assertThat(s.shared(new Key("y"), StringBuilder.class, () -> new StringBuilder("y"))).hasToString("y");
    assertThat(snapshot().shared(new Key("x"), StringBuilder.class, () -> new StringBuilder("other")))
        .as("each snapshot owns its values").hasToString("other");
  }

  @Test
  void refusesAValueOfAnotherTypeUnderTheSameKey() {
    Snapshot s = snapshot();
    s.shared(new Key("x"), String.class, () -> "text");
    assertThatThrownBy(() -> s.shared(new Key("x"), Integer.class, () -> 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Key[what=x]").hasMessageContaining("java.lang.String")
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void aFailedComputationCachesNothingAndACycleIsRefused() {
    Snapshot s = snapshot();
    assertThatThrownBy(() -> s.shared(new Key("x"), String.class, () -> {
      throw new ArithmeticException("boom");
    })).isInstanceOf(ArithmeticException.class);
    assertThat(s.shared(new Key("x"), String.class, () -> "second try")).isEqualTo("second try");
    assertThatThrownBy(() -> s.shared(new Key("null"), String.class, () -> null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.shared(new Key("c"), String.class, () -> s.shared(new Key("c"), String.class, () -> "inner")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("while it was being computed");
    assertThat(s.shared(new Key("outer"), String.class, () -> s.shared(new Key("inner"), String.class, () -> "in") + "+out"))
        .as("a value may use another").isEqualTo("in+out");
  }

  @Test
  void concurrentCallersWaitForTheOneComputation() throws Exception {
    Snapshot s = snapshot();
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Object>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          start.await();
          return s.shared(new Key("slow"), Object.class, () -> {
            computed.incrementAndGet();
            try {
              Thread.sleep(50);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new Object();
          });
        }));
      }
      start.countDown();
      Object first = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<Object> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(computed).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
