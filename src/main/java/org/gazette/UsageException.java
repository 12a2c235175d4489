package org.gazette;

/**
 * A problem the user can mend: a bad option, a missing input, an input schema that does not fit.
 * The message is one line that says what is wrong and how to mend it; the process exits with status
 * 2.
 */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
