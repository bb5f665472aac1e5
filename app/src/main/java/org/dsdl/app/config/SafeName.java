package org.dsdl.app.config;

import java.util.regex.Pattern;

/**
 * Names from a config that become file or folder names inside a run directory (a probe's
 * {@code name:}, whose work directory is {@code state/probes/NAME}; the experiment's {@code name}):
 * 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, so no name can reach
 * outside the run directory or hide a control character.
 */
public final class SafeName {
  /** The longest name accepted. */
  public static final int MAX_LENGTH = 64;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

  private SafeName() {}

  /** What a safe name is, for messages. */
  public static final String RULE = "1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or digit";

  /** Whether {@code name} is safe to use as a file name. */
  public static boolean isSafe(String name) {
    return name != null && SAFE.matcher(name).matches();
  }

  /**
   * Checks a name.
   *
   * @param where the config key, for the message
   * @throws IllegalArgumentException naming the key, the value (control characters escaped) and the rule
   */
  public static String check(String name, String where) {
    if (!isSafe(name)) {
      throw new IllegalArgumentException(where + ": name '" + Printable.of(name, 80) + "' is not allowed; a name is " + RULE);
    }
    return name;
  }
}
