package org.dsdl.app;

/**
 * An error the command line reports as one clear line, with the exit code it documents: 2 for bad
 * input (config, data, arguments, plugins), 1 for a run that failed.
 */
public class DsdlException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** An error with its exit code. */
  public DsdlException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad input: exit code 2. */
  public static DsdlException badInput(String message) {
    return new DsdlException(ExitCodes.BAD_INPUT, message, null);
  }

  /** Bad input with the underlying cause (shown with --debug): exit code 2. */
  public static DsdlException badInput(String message, Throwable cause) {
    return new DsdlException(ExitCodes.BAD_INPUT, message, cause);
  }

  /** The exit code to end the process with. */
  public int exitCode() {
    return exitCode;
  }
}
