package org.gazette.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.gazette.Gazette;
import org.gazette.spark.OutputChecksums;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.TableChecksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code jobs/gazette nightly} on the sample corpus with every default,
 * gives the tables whose checksums are committed ({@link OutputChecksums}).
 */
class SampleRunTest {

  @TempDir Path temp;

  @Test
  void theSampleRunGivesTheCommittedTables() {
    String out = temp.resolve("out").toString();
    int status =
        Gazette.execute(
            "nightly",
            "--output",
            out,
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.ui.showConsoleProgress=false");
    assertThat(status).isZero();

    SparkSession spark = SparkTestSession.start("local[2]");
    try {
      OutputChecksums.check("sample", TableChecksums.of(spark, out, NightlyJob.ALL_TABLES));
    } finally {
      spark.stop();
    }
  }
}
