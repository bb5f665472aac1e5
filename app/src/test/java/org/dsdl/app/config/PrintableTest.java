package org.dsdl.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void controlCharactersBecomeVisibleEscapes() {
    assertThat(Printable.of("a\u001b[2Jb\nINFO forged\r\t\u0000\u202e")).isEqualTo("a\\u001b[2Jb\\nINFO forged\\r\\t\\u0000\\u202e");
    assertThat(Printable.of("Zürich — ok")).isEqualTo("Zürich — ok");
  }

  @Test
  void longTextIsCutWithACount() {
    assertThat(Printable.of("x".repeat(10_000), 5)).isEqualTo("xxxxx…(9995 more)");
    assertThat(Printable.of(null)).isEqualTo("null");
  }

  @Test
  void safeNamesAreShortIdentifiers() {
    assertThat(SafeName.isSafe("linear-probe_2.v1")).isTrue();
    for (String bad : new String[] {"", ".", "..", "../x", "/abs", "a/b", "a b", "-x", "x".repeat(65), "é"}) {
      assertThat(SafeName.isSafe(bad)).as(bad).isFalse();
    }
  }
}
