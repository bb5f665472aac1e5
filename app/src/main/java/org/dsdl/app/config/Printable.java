package org.dsdl.app.config;

/**
 * Text from users or plugins (class names, run names, file names) made safe to print on a terminal
 * or in a log line: control characters become visible escapes ({@code \n}, {@code \u001b}), so a
 * name can neither clear the screen nor forge a log line, and very long text is shortened.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with control characters escaped (null prints as "null"). */
  public static String of(Object text) {
    return of(text, Integer.MAX_VALUE);
  }

  /** As {@link #of(Object)}, cut to {@code max} characters with "…(N more)" when longer. */
  public static String of(Object text, int max) {
    String s = String.valueOf(text);
    StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 8);
    int i = 0;
    for (; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != '\u200d') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (i < s.length()) {
      out.append("…(").append(s.length() - i).append(" more)");
    }
    return out.toString();
  }
}
