package org.gazette.spark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.job.NightlyJob;
import org.gazette.spark.store.Table;

/**
 * A checksum of each output table's rows, sorted and normalised as {@link TableRows} reads them:
 * two runs that wrote the same rows have the same checksums, whatever their files.
 */
public final class TableChecksums {

  private TableChecksums() {}

  /** SHA-256 of the sorted rows of each of {@code tables} present under {@code output}. */
  public static Map<String, String> of(SparkSession spark, String output, List<Table> tables) {
    Map<String, String> sums = new TreeMap<>();
    for (Map.Entry<String, List<Row>> e : TableRows.of(spark, output, tables).entrySet()) {
      sums.put(e.getKey(), e.getValue().size() + " " + sha256(e.getValue()));
    }
    return sums;
  }

  static String sha256(List<Row> rows) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Row row : rows) {
        digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Prints the checksums of the tables of the output folder {@code args[0]}. */
  public static void main(String[] args) {
    SparkSession spark =
        SparkSessions.create("checksums", "local[2]", Map.of("spark.ui.enabled", "false"));
    of(spark, args[0], NightlyJob.ALL_TABLES).forEach((t, s) -> System.out.println(t + " " + s));
    spark.stop();
  }
}
