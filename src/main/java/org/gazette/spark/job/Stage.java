package org.gazette.spark.job;

import java.util.List;
import org.gazette.spark.store.Table;

/**
 * A part of the night: from the articles of a pass, the tables it writes. A stage takes only its
 * own settings, which check themselves; an optional stage is in the night's list or not.
 */
public interface Stage {

  /** Its name, in the log. */
  String name();

  /** The tables it writes, in the order it writes them. */
  List<Table> tables();

  /** Writes its tables for the pass of {@code night}. */
  void run(Night night);
}
