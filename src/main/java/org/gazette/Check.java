package org.gazette;

/**
 * The one way a bad setting becomes a usage error: a line that names the option, what it must be
 * and the value it was given ("--k must be at least 2, was 1"), exit status 2.
 */
public final class Check {

  private Check() {}

  /**
   * Fails with a {@link UsageException} unless {@code ok}: {@code option} must be {@code mustBe},
   * and was {@code value}.
   */
  public static void option(boolean ok, String option, String mustBe, Object value) {
    if (!ok) {
      throw new UsageException(option + " must be " + mustBe + ", was " + value);
    }
  }
}
