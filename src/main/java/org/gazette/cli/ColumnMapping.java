package org.gazette.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gazette.UsageException;

/** Parses {@code --map body=text_content,published_at=publication_date}. */
final class ColumnMapping {

  private ColumnMapping() {}

  /** Contract column to input column, from the values of every {@code --map}. */
  static Map<String, String> parse(List<String> values) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String value : values) {
      for (String pair : value.split(",")) {
        String p = pair.strip();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        if (eq <= 0 || eq == p.length() - 1) {
          throw new UsageException(
              "--map "
                  + p
                  + ": expected COLUMN=INPUT_COLUMN, e.g. --map "
                  + "body=text_content,published_at=publication_date");
        }
        String column = p.substring(0, eq).strip();
        String source = p.substring(eq + 1).strip();
        if (mapping.containsKey(column)) {
          throw new UsageException("--map names " + column + " twice");
        }
        mapping.put(column, source);
      }
    }
    return mapping;
  }
}
