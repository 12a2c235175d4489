package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.Gazette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users meet it: exit status 2 and one clear line for what they can mend, 0 for
 * a run that worked. Commands start and stop their own Spark session.
 */
class CommandLineTest {

  @TempDir Path temp;

  private record Result(int status, String err) {}

  private static Result run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int status = Gazette.execute(args);
      return new Result(status, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().filter(l -> l.startsWith("gazette")).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Test
  void badOptionsExitWithStatusTwoAndOneLine() {
    Result badDate = run("nightly", "--date", "2023-13-01");
    assertThat(badDate.status()).isEqualTo(2);
    assertThat(lastLine(badDate.err()))
        .isEqualTo("gazette: --date 2023-13-01: expected a date like 2023-08-01");

    Result both = run("nightly", "--date", "2023-08-01", "--from", "2023-08-01");
    assertThat(both.status()).isEqualTo(2);
    assertThat(lastLine(both.err()))
        .isEqualTo("gazette: give --date, or --from and --to, not both");

    Result unknown = run("nightly", "--frm", "2023-08-01");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(lastLine(unknown.err())).startsWith("gazette: Unknown option");

    Result noCommand = run();
    assertThat(noCommand.status()).isEqualTo(2);

    Result format = run("ingest", "--input", "articles.txt", "--output", "x");
    assertThat(format.status()).isEqualTo(2);
    assertThat(lastLine(format.err()))
        .isEqualTo(
            "gazette: cannot tell the format of "
                + "articles.txt from its name; give --format jsonl or --format csv");
  }

  @Test
  void topicAndTrendOptionsAreCheckedBeforeAnythingRuns() throws Exception {
    Result fewTopics = run("topics", "train", "--k", "1");
    assertThat(fewTopics.status()).isEqualTo(2);
    assertThat(lastLine(fewTopics.err())).isEqualTo("gazette: --k must be at least 2, was 1");

    Result share = run("nightly", "--max-doc-share", "1.5");
    assertThat(share.status()).isEqualTo(2);
    assertThat(lastLine(share.err()))
        .isEqualTo("gazette: --max-doc-share must be in (0, 1], was 1.5");

    Result window = run("nightly", "--trend-window", "0");
    assertThat(window.status()).isEqualTo(2);
    assertThat(lastLine(window.err())).contains("--trend-window must be at least 1, was 0");

    Path rules = temp.resolve("tracked.txt");
    Files.writeString(rules, "1 | Broken | (missile OR missiles\n", StandardCharsets.UTF_8);
    Result tracked = run("nightly", "--tracked", rules.toString());
    assertThat(tracked.status()).isEqualTo(2);
    assertThat(lastLine(tracked.err()))
        .startsWith("gazette: ")
        .contains("tracked.txt:1")
        .contains("never closed");

    Result noTerms =
        run(
            "topics",
            "train",
            "--output",
            temp.resolve("empty").toString(),
            "--master",
            "local[1]",
            "--conf",
            "spark.ui.enabled=false");
    assertThat(noTerms.status()).isEqualTo(2);
    assertThat(lastLine(noTerms.err())).contains("run `gazette nightly` on the articles first");
  }

  @Test
  void aRunOnAnOutputThatAnotherRunHoldsExitsWithStatusOne() throws Exception {
    Path out = temp.resolve("held");
    Files.createDirectories(out);
    // A lock held by a live process of this host: this test's own JVM.
    Files.writeString(
        out.resolve("_lock"),
        "run_id=other\ncommand=nightly all\nhost="
            + java.net.InetAddress.getLocalHost().getHostName()
            + "\npid="
            + ProcessHandle.current().pid()
            + "\nstarted_at=2023-08-01T02:30:00Z\n");
    Result result =
        run(
            "nightly",
            "--date",
            "2023-07-10",
            "--output",
            out.toString(),
            "--master",
            "local[1]",
            "--conf",
            "spark.ui.enabled=false");
    assertThat(result.status()).isEqualTo(1);
    assertThat(lastLine(result.err()))
        .startsWith("gazette nightly: another Gazette run is " + "writing")
        .contains("run other (nightly all)")
        .contains("since 2023-08-01T02:30:00Z");
    assertThat(result.err()).doesNotContain("\tat org.");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("_lock");
    }

    Result force = run("nightly", "--date", "2023-07-10", "--force");
    assertThat(force.status()).isEqualTo(2);
    assertThat(lastLine(force.err())).startsWith("gazette: --force is for a backfill");
  }

  @Test
  void aMissingInputIsNamed() {
    Path missing = temp.resolve("nowhere");
    Result result =
        run(
            "nightly",
            "--input",
            missing.toString(),
            "--output",
            temp.resolve("out").toString(),
            "--master",
            "local[1]",
            "--conf",
            "spark.ui.enabled=false");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err().lines().toList())
        .containsExactly("gazette: --input " + missing + ": no such file or folder");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void anInputFileThatIsNotParquetIsNamed() throws Exception {
    Path corpus = Files.createDirectories(temp.resolve("corpus"));
    Path csv = corpus.resolve("part-0.parquet");
    Files.writeString(
        csv,
        "id,published_at,body\nc1,2023-08-01,A CSV file named .parquet\n",
        StandardCharsets.UTF_8);
    Result result =
        run(
            "nightly",
            "--input",
            corpus.toString(),
            "--output",
            temp.resolve("out").toString(),
            "--master",
            "local[1]",
            "--conf",
            "spark.ui.enabled=false");
    assertThat(result.status()).isEqualTo(2);
    assertThat(lastLine(result.err()))
        .isEqualTo(
            "gazette: the input file file:"
                + csv
                + " cannot be read as Parquet (it does not end with a Parquet footer: it is cut short,"
                + " or not Parquet); give --input a Parquet file or folder, or convert JSON Lines or CSV"
                + " with 'gazette ingest'");
  }

  @Test
  void ingestThenNightlyFromJsonLinesAndCsv() throws Exception {
    Path jsonl = temp.resolve("articles.jsonl");
    Files.writeString(
        jsonl,
        String.join(
            "\n",
            "{\"uid\":\"j1\",\"date\":\"2023-08-01T08:00:00Z\",\"text\":\"Le Conseil de sécurité "
                + "s’est réuni à New York.\",\"lang\":\"fr\"}",
            "{\"uid\":\"j2\",\"date\":1690963200,\"text\":\"The Security Council met in New York."
                + "\",\"lang\":\"en\"}",
            "{\"uid\":\"j3\",\"date\":\"hier\",\"text\":\"Une date illisible.\"}"),
        StandardCharsets.UTF_8);
    Path csv = temp.resolve("articles.csv");
    Files.writeString(
        csv,
        "id,published_at,title,body\n"
            + "c1,2023-08-02,\"Un titre, avec virgule\",\"Un corps\nsur deux lignes\"\n",
        StandardCharsets.UTF_8);
    String corpus = temp.resolve("corpus").toString();
    String[] spark = {"--master", "local[2]", "--conf", "spark.ui.enabled=false"};

    assertThat(
            run(concat(
                    new String[] {
                      "ingest",
                      "--input",
                      jsonl.toString(),
                      "--output",
                      corpus,
                      "--map",
                      "id=uid,published_at=date,body=text,language=lang"
                    },
                    spark))
                .status())
        .isZero();
    Result again =
        run(
            concat(
                new String[] {
                  "ingest",
                  "--input",
                  jsonl.toString(),
                  "--output",
                  corpus,
                  "--map",
                  "id=uid,published_at=date,body=text"
                },
                spark));
    assertThat(again.status()).isEqualTo(2);
    assertThat(lastLine(again.err())).contains("already exists");
    assertThat(
            run(concat(
                    new String[] {
                      "ingest", "--input", csv.toString(), "--output", corpus, "--append"
                    },
                    spark))
                .status())
        .isZero();

    String out = temp.resolve("out").toString();
    Result nightly =
        run(concat(new String[] {"nightly", "--input", corpus, "--output", out}, spark));
    assertThat(nightly.status()).as(nightly.err()).isZero();

    SparkSession session =
        SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    try {
      List<Row> articles = session.read().parquet(out + "/articles").orderBy("id").collectAsList();
      assertThat(articles).extracting(r -> r.<String>getAs("id")).containsExactly("c1", "j1", "j2");
      assertThat(articles.get(0).<String>getAs("title")).isEqualTo("Un titre, avec virgule");
      List<Row> rejected = session.read().parquet(out + "/rejected_articles").collectAsList();
      assertThat(rejected).hasSize(1);
      assertThat(rejected.get(0).<String>getAs("id")).isEqualTo("j3");
      assertThat(rejected.get(0).<String>getAs("reason")).isEqualTo("published_at does not parse");
      assertThat(
              session
                  .read()
                  .parquet(out + "/term_frequencies")
                  .where("language = 'fr' and term = 'conseil de sécurité'")
                  .count())
          .isZero();
      assertThat(
              session
                  .read()
                  .parquet(out + "/term_frequencies")
                  .where("language = 'en' and term = 'security'")
                  .count())
          .isEqualTo(1);
    } finally {
      session.stop();
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
