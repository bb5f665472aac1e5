package org.dsdl.api.viz;

import static org.assertj.core.api.Assertions.assertThat;

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
}
