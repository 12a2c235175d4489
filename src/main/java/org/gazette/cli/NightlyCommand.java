package org.gazette.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.entity.KnownEntities;
import org.gazette.spark.DateRange;
import org.gazette.spark.job.NightlyJob;
import org.gazette.text.Detectors;
import org.gazette.text.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gazette nightly}: annotate the given dates once and write every daily table. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Annotate the articles of the given dates once, then write every daily table for those",
      "dates. Without date options: every date in the input. Re-running a date replaces that",
      "date's partitions and nothing else."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      defaultValue = "data/sample/articles",
      description = "Parquet file or folder of articles (default: ${DEFAULT-VALUE})")
  String input;

  @Option(
      names = "--output",
      defaultValue = "out",
      description = "folder of the output tables (default: ${DEFAULT-VALUE})")
  String output;

  @Mixin DateOptions dates;

  @Option(
      names = "--map",
      paramLabel = "COLUMN=INPUT_COLUMN",
      description =
          "read a contract column from another input column, e.g. "
              + "--map body=text_content,published_at=publication_date")
  List<String> map = new ArrayList<>();

  @Option(
      names = "--reference",
      paramLabel = "FOLDER",
      description =
          "reference data (stop words, elision, entities); default: data/reference when it "
              + "exists, else the copy in the jar")
  Path reference;

  @Option(
      names = "--max-phrase-words",
      defaultValue = "3",
      description = "longest phrase counted, 1 to 3 words (default: ${DEFAULT-VALUE})")
  int maxPhraseWords;

  @Option(
      names = "--min-phrase-docs",
      defaultValue = "2",
      description =
          "keep a phrase only if that many articles of the day contain it "
              + "(default: ${DEFAULT-VALUE})")
  int minPhraseDocs;

  @Option(
      names = "--entities",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "find named entities and write the entity tables (default: ${DEFAULT-VALUE}; "
              + "--no-entities: terms only, articles.entity_ids left empty)")
  boolean entities;

  @Option(
      names = "--pair-entities",
      defaultValue = "15",
      description =
          "pair only an article's this many most mentioned entities in "
              + "entity_cooccurrence: at most n(n-1)/2 pairs an article; the pairs left out are "
              + "counted in corpus_stats.pairs_dropped (default: ${DEFAULT-VALUE})")
  int pairEntities;

  @Option(
      names = "--min-pair-docs",
      defaultValue = "2",
      description =
          "keep a pair of entities only if that many articles of the day name both "
              + "(default: ${DEFAULT-VALUE})")
  int minPairDocs;

  @Option(
      names = "--topics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "infer each article's topics with the newest model in <output>/topic_models "
              + "(training one on this run's articles when there is none) and write topic_timeline "
              + "(default: ${DEFAULT-VALUE}; --no-topics: tracked topics only)")
  boolean topics;

  @Mixin TrackedOptions tracked;

  @Mixin TopicOptions topicOptions;

  @Mixin TrendOptions trendOptions;

  @Option(
      names = "--term-buffer",
      defaultValue = "1000000",
      hidden = true,
      description = "distinct terms a task sums before it hands them to Spark")
  int termBuffer;

  @Option(
      names = "--partitions",
      defaultValue = "0",
      description =
          "spread the input over this many partitions before annotating (a shuffle of "
              + "the text; for inputs of few large files); 0: as read (default)")
  int partitions;

  @Option(
      names = "--force",
      description =
          "with --from and --to: run the dates the output already has too (by "
              + "default a backfill skips them, so that it can be resumed)")
  boolean force;

  @Option(
      names = "--chunk-days",
      defaultValue = "7",
      description =
          "with --from and --to: annotate and commit this many dates per pass, in date"
              + " order; a failed backfill keeps the passes it finished (default: ${DEFAULT-VALUE})")
  int chunkDays;

  @Option(
      names = "--max-pass-rows",
      defaultValue = "0",
      description =
          "without date options: annotate and commit at most this many input rows "
              + "per pass, in passes of consecutive dates; 0: as many as the free local disk holds,"
              + " one pass when it holds them all (default: ${DEFAULT-VALUE})")
  long maxPassRows;

  @Mixin InputOptions inputOptions;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    DateRange range = dates.range();
    if (maxPhraseWords < 1 || maxPhraseWords > 3) {
      throw new UsageException("--max-phrase-words must be 1, 2 or 3, was " + maxPhraseWords);
    }
    if (minPhraseDocs < 1) {
      throw new UsageException("--min-phrase-docs must be at least 1, was " + minPhraseDocs);
    }
    if (pairEntities < 2) {
      throw new UsageException("--pair-entities must be at least 2, was " + pairEntities);
    }
    if (minPairDocs < 1) {
      throw new UsageException("--min-pair-docs must be at least 1, was " + minPairDocs);
    }
    Reference ref = loadReference(reference);
    NightlyJob.Options options =
        new NightlyJob.Options(
            input,
            output,
            ColumnMapping.parse(map),
            range,
            ref,
            Detectors.standard(ref),
            maxPhraseWords,
            minPhraseDocs,
            termBuffer,
            partitions,
            entities ? loadKnownEntities(reference) : null,
            pairEntities,
            minPairDocs,
            topics ? topicOptions.settings() : null,
            tracked.load(ref),
            trendOptions.settings());
    if (maxPassRows != 0 && !range.isAll()) {
      throw new UsageException(
          "--max-pass-rows is for a run over every date; a --date run is"
              + " one pass, and --from/--to takes --chunk-days dates per pass");
    }
    if (force && !dates.isBackfill()) {
      throw new UsageException(
          "--force is for a backfill with --from and --to, which skips the"
              + " dates done; --date and a run over all dates always run their dates");
    }
    NightlyJob.Plan plan =
        dates.isBackfill()
            ? new NightlyJob.Plan(!force, chunkDays, inputOptions.skipCorruptFiles(), maxPassRows)
            : new NightlyJob.Plan(
                false, Integer.MAX_VALUE, inputOptions.skipCorruptFiles(), maxPassRows);
    SparkSession session = spark.session("nightly");
    try {
      NightlyJob.run(session, options, plan);
      return 0;
    } finally {
      session.stop();
    }
  }

  /** The reference data: the folder given, else data/reference, else the bundled copy. */
  static Reference loadReference(Path folder) {
    if (folder != null) {
      if (!Files.isDirectory(folder)) {
        throw new UsageException("--reference " + folder + ": no such folder");
      }
      return Reference.load(folder);
    }
    Path local = Path.of("data", "reference");
    return Files.isDirectory(local) ? Reference.load(local) : Reference.bundled();
  }

  /** The entities the reference data names, from the same folder as {@link #loadReference}. */
  static KnownEntities loadKnownEntities(Path folder) {
    if (folder != null) {
      return KnownEntities.fromFolder(folder);
    }
    Path local = Path.of("data", "reference");
    return Files.isDirectory(local) ? KnownEntities.fromFolder(local) : KnownEntities.bundled();
  }
}
