package org.gazette.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gazette.UsageException;

/** The dates a run covers: every date of the input, or {@code from} to {@code to} inclusive. */
public record DateRange(LocalDate from, LocalDate to) implements Serializable {

  /** Every date in the input. */
  public static final DateRange ALL = new DateRange(null, null);

  public DateRange {
    if ((from == null) != (to == null)) {
      throw new UsageException("give both --from and --to, or --date, or neither");
    }
    if (from != null && to.isBefore(from)) {
      throw new UsageException("--to " + to + " is before --from " + from);
    }
  }

  /** The range of one day. */
  public static DateRange of(LocalDate day) {
    return new DateRange(day, day);
  }

  public boolean isAll() {
    return from == null;
  }

  /** The days of a bounded range, in order. */
  public List<LocalDate> days() {
    if (isAll()) {
      throw new IllegalStateException("the range of all dates has no list of days");
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  /** True where {@code date} is in the range; for all dates, everywhere. */
  public org.apache.spark.sql.Column holds(org.apache.spark.sql.Column date) {
    if (isAll()) {
      return org.apache.spark.sql.functions.lit(true);
    }
    return date.between(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
  }

  /** The rows of {@code rows} whose {@code date} is in the range. */
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> filter(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
    if (isAll()) {
      return rows;
    }
    return rows.where(
        org.apache
            .spark
            .sql
            .functions
            .col("date")
            .between(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)));
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "all";
    }
    return from.equals(to) ? from.toString() : from + ".." + to;
  }
}
