package org.dsdl.app.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A probe call that fails to link stops the probe: it is not called again, and later calls say why. */
class ProbeExecutorLinkageTest {
  @Test
  void aMissingClassStopsTheProbeAfterItsFirstFailure() {
    AtomicInteger calls = new AtomicInteger();
    try (ProbeExecutor executor = new ProbeExecutor(10)) {
      assertThat(executor.call("other", "measuring checkpoint 0", List::of)).isEmpty();
      assertThatThrownBy(() -> executor.call("needy", "measuring checkpoint 0", () -> {
        calls.incrementAndGet();
        throw new NoClassDefFoundError("helper/Helper");
      })).isInstanceOf(ProbeExecutor.ProbeCallFailed.class).hasMessage("measuring checkpoint 0 failed: NoClassDefFoundError: helper/Helper"
          + " (a class the plugin needs is missing or does not match: put the jars it depends on in its plugin folder); not called again in this run");
      assertThat(executor.disabled("needy")).isTrue();
      assertThatThrownBy(() -> executor.call("needy", "measuring checkpoint 1", () -> {
        calls.incrementAndGet();
        return List.of();
      })).isInstanceOfSatisfying(ProbeExecutor.ProbeCallFailed.class, e -> {
        assertThat(e.notCalled).isTrue();
        assertThat(e).hasMessageStartingWith("not called: measuring checkpoint 0 failed: NoClassDefFoundError: helper/Helper");
      });
      assertThat(calls).hasValue(1);
      assertThat(executor.disabled("other")).isFalse();
    }
  }

  @Test
  void aClassThatFailsToInitialiseIsNamedWithItsCause() {
    try (ProbeExecutor executor = new ProbeExecutor(10)) {
      assertThatThrownBy(() -> executor.call("bad", "measuring checkpoint 0", () -> {
        throw new ExceptionInInitializerError(new IllegalStateException("no config"));
      })).hasMessage("measuring checkpoint 0 failed: ExceptionInInitializerError (a class of the plugin failed to initialise:"
          + " java.lang.IllegalStateException: no config); not called again in this run");
      assertThat(executor.disabled("bad")).isTrue();
    }
  }

  @Test
  void anExceptionFailsOnlyThatCall() {
    try (ProbeExecutor executor = new ProbeExecutor(10)) {
      assertThatThrownBy(() -> executor.call("flaky", "measuring checkpoint 0", () -> {
        throw new IllegalStateException("once");
      })).hasMessage("IllegalStateException: once");
      assertThat(executor.disabled("flaky")).isFalse();
      assertThat(executor.call("flaky", "measuring checkpoint 1", List::of)).isEmpty();
    }
  }
}
