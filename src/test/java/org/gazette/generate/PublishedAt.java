package org.gazette.generate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Reads a generated published_at the strict way, as nightly must: null when it does not parse. */
final class PublishedAt {

  /** The three shapes the generator writes. */
  enum Format {
    ISO_UTC,
    ISO_OFFSET,
    EPOCH_SECONDS
  }

  private static final Pattern ISO_UTC =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z");
  private static final Pattern ISO_OFFSET =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,11}");

  private PublishedAt() {}

  static Format formatOf(String value) {
    if (value == null) {
      return null;
    }
    if (ISO_UTC.matcher(value).matches()) {
      return Format.ISO_UTC;
    }
    if (ISO_OFFSET.matcher(value).matches()) {
      return Format.ISO_OFFSET;
    }
    if (EPOCH_SECONDS.matcher(value).matches()) {
      return Format.EPOCH_SECONDS;
    }
    return null;
  }

  static Instant parse(String value) {
    Format format = formatOf(value);
    if (format == null) {
      return null;
    }
    try {
      return switch (format) {
        case ISO_UTC -> Instant.parse(value);
        case ISO_OFFSET ->
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        case EPOCH_SECONDS -> Instant.ofEpochSecond(Long.parseLong(value));
      };
    } catch (DateTimeException e) {
      return null; // the right shape, but no such date: 2023-02-30, month 13
    }
  }
}
