package org.dsdl.api.data;

/** Bad or missing data; the message names the file or class, what was found and what was expected. */
public class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message a user can act on. */
  public DatasetException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
