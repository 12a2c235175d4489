package org.gazette.topic;

/**
 * A tracked-topics file or rule that cannot be read; the message says where ({@code file:line}) and
 * what is wrong, in one line, so that a nightly run that fails on it can be fixed from the log
 * alone.
 */
public final class TopicSyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String problem;

  TopicSyntaxException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
    this.problem = problem;
  }

  /** The file (or "rule" for a rule given in code) the problem is in. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** What is wrong, without the place. */
  public String problem() {
    return problem;
  }
}
