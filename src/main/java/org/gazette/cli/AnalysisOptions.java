package org.gazette.cli;

import org.gazette.spark.job.ArticleStage;
import org.gazette.spark.job.NightlyJob;
import org.gazette.spark.pass.Annotation;
import org.gazette.text.Detectors;
import org.gazette.text.Reference;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the text is analysed, and the terms the article tables keep. */
public final class AnalysisOptions {

  @Mixin ReferenceOption reference;

  @Option(
      names = "--max-phrase-words",
      defaultValue = "3",
      paramLabel = "N",
      description = "longest phrase counted, 1 to 3 words (default: ${DEFAULT-VALUE})")
  int maxPhraseWords;

  @Option(
      names = "--min-phrase-docs",
      defaultValue = "2",
      paramLabel = "N",
      description =
          "keep a phrase only if that many articles of the day contain it "
              + "(default: ${DEFAULT-VALUE})")
  int minPhraseDocs;

  @Option(
      names = "--term-buffer",
      defaultValue = "" + Annotation.DEFAULT_FLUSH_AT,
      hidden = true,
      description = "distinct terms a task sums before it hands them to Spark")
  int termBuffer;

  /** The analysis, checked. */
  public NightlyJob.Analysis settings() {
    Reference ref = reference.reference();
    return new NightlyJob.Analysis(ref, Detectors.standard(ref), maxPhraseWords, termBuffer);
  }

  /** The article stage, checked. */
  public ArticleStage articles() {
    return new ArticleStage(new ArticleStage.Settings(minPhraseDocs));
  }

  ReferenceOption reference() {
    return reference;
  }
}
