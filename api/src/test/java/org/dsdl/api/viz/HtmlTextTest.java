package org.dsdl.api.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escapesMarkupAndQuotes() {
    assertThat(HtmlText.escape("<b a=\"x\" b='y'>T&L</b>")).isEqualTo("&lt;b a=&quot;x&quot; b=&#39;y&#39;&gt;T&amp;L&lt;/b&gt;");
    assertThat(HtmlText.escape("plain")).isEqualTo("plain");
  }

  @Test
  void jsonCannotCloseItsScriptElement() {
    assertThat(HtmlText.scriptSafe("{\"a\":\"</script><!--&\u2028\"}")).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\"}");
  }

  @Test
  void writesEveryCharacterBeyondAsciiAsAnEscape() {
    // U+00B7 middle dot = 183; U+1D4D0 (a surrogate pair in Java) = 120016 as one reference
    assertThat(HtmlText.escape("a\u00b7b \ud835\udcd0")).isEqualTo("a&#183;b &#120016;");
    // in a script: \\u escapes, a surrogate pair as its two halves (what JavaScript reads back as the one character)
    assertThat(HtmlText.script("var s = \"\u2026 \u00d7\"; // \u2014 \ud835\udcd0")).isEqualTo("var s = \"\\u2026 \\u00d7\"; // \\u2014 \\ud835\\udcd0");
    assertThat(HtmlText.script("plain();")).isEqualTo("plain();");
    assertThat(HtmlText.scriptSafe("{\"c\":\"caf\u00e9 <\"}")).isEqualTo("{\"c\":\"caf\\u00e9 \\u003c\"}");
    // a C1 control stays as it is in HTML (&#150; would read as Windows-1252's en dash)
    assertThat(HtmlText.escape("a\u0096b")).isEqualTo("a\u0096b");
    // after an escaping backslash the escape would read as six characters: refused; after an escaped one it is fine
    assertThatThrownBy(() -> HtmlText.script("var s = \"\\\u00e9\";")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+00E9").hasMessageContaining("character 10");
    assertThat(HtmlText.script("var s = \"\\\\\u00e9\";")).isEqualTo("var s = \"\\\\\\u00e9\";");
  }
}
