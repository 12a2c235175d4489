package org.gazette.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** Values of date and timestamp columns as Java time types, whichever types Spark chose. */
public final class RowValues {

  private RowValues() {}

  /** A date column's value as a {@link LocalDate}. */
  public static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  /** A timestamp column's value as an {@link Instant}. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Instant i ? i : ((Timestamp) value).toInstant();
  }
}
