package org.gazette.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import picocli.CommandLine.Option;

/** The date options of the commands that work on days of the tables: one day, a range, or all. */
public final class DateOptions {

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "this day only")
  String date;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day of a range")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day of a range")
  String to;

  /** The days asked for; {@link DateRange#ALL} without date options. */
  public DateRange range() {
    if (date != null) {
      if (from != null || to != null) {
        throw new UsageException("give --date, or --from and --to, not both");
      }
      return DateRange.of(parseDate("--date", date));
    }
    if (from == null && to == null) {
      return DateRange.ALL;
    }
    if (from == null || to == null) {
      throw new UsageException("give both --from and --to (or --date for one day)");
    }
    return new DateRange(parseDate("--from", from), parseDate("--to", to));
  }

  /** True when the dates were given as a range, {@code --from} and {@code --to}. */
  public boolean isBackfill() {
    return from != null && to != null;
  }

  /** {@code value} of {@code option} as a date, or a usage error that names both. */
  static LocalDate parseDate(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " " + value + ": expected a date like 2023-08-01");
    }
  }
}
