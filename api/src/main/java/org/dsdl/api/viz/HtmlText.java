package org.dsdl.api.viz;

/**
 * Text made safe for a self-contained HTML page, as dsdl's reports write them: names from configs,
 * class names and plugins go into a page only through {@link #escape}, and data only as JSON through
 * {@link #scriptSafe} inside a {@code <script type="application/json">} element.
 */
public final class HtmlText {
  private HtmlText() {}

  /** {@code s} for HTML element content and attribute values: {@code < > & " '} as character references. */
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
    return b.toString();
  }

  /**
   * JSON that can sit inside a script element: the characters that could close it or start markup
   * ({@code < > &}) and the line separators JavaScript does not accept in strings become JSON escapes.
   */
  public static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
