package org.gazette.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.gazette.text.Detectors;
import org.gazette.text.LanguageCodes;
import org.gazette.text.LanguageDetector;
import org.gazette.text.LanguageProfiles;
import org.gazette.text.Reference;
import org.gazette.text.TermAggregator;
import org.gazette.text.TokenAnalyzer;
import org.gazette.text.Tokens;

/**
 * The annotation pass: over cleaned articles sorted by content hash, it marks duplicates,
 * detects missing languages, analyses each original article once and sums its terms into the
 * partition's {@link TermAggregator}, emitting {@link Annotated} rows.
 */
public final class Annotation implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  /** Characters of an article given to the language detector: plenty for a reliable guess. */
  static final int DETECTION_CHARS = 400;

  /** Settings of the pass; serialisable, shipped to the executors. */
  public record Settings(Reference reference, int maxPhraseWords, int flushAt,
      Detectors.Shippable detector) implements Serializable {}

  private final Settings settings;

  public Annotation(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new AnnotatingIterator(rows, settings);
  }

  /** Pulls cleaned rows and yields annotated ones, holding at most a drain's worth of state. */
  private static final class AnnotatingIterator implements Iterator<Row> {
    private final Iterator<Row> input;
    private final TokenAnalyzer analyzer;
    private final TermAggregator terms;
    private final LanguageDetector detector;
    private final Tokens tokens = new Tokens();
    private final StringBuilder text = new StringBuilder();
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private Iterator<TermAggregator.TermCount> draining;

    private long lastHashHi;
    private long lastHashLo;
    private String lastId;
    private String lastLanguage;
    private boolean lastDetected;
    private int lastTokenCount;
    private boolean hasLast;

    AnnotatingIterator(Iterator<Row> input, Settings settings) {
      this.input = input;
      this.analyzer = new TokenAnalyzer(LanguageProfiles.of(settings.reference()));
      this.terms = new TermAggregator(settings.maxPhraseWords(), settings.flushAt());
      this.detector = settings.detector().get();
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (draining != null) {
          if (draining.hasNext()) {
            ready.add(termRow(draining.next()));
            continue;
          }
          draining = null;
        }
        if (input.hasNext()) {
          annotate(input.next());
          if (terms.isFull()) {
            draining = terms.drain();
          }
        } else if (terms.entries() > 0) {
          draining = terms.drain();
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void annotate(Row row) {
      LocalDate date = Cleaned.localDate(row.getAs("date"));
      String reason = row.getAs("reason");
      String given = LanguageCodes.normalize(row.getAs("language"));
      if (reason != null) {
        ready.add(Annotated.rejected(date, row.getAs("id"), row.getAs("published_at_raw"),
            row.getAs("source"), row.getAs("url"),
            given == null ? LanguageCodes.UNDETERMINED : given, row.getAs("title"),
            row.getAs("body_chars"), reason));
        return;
      }
      long hashHi = row.<Long>getAs("hash_hi");
      long hashLo = row.<Long>getAs("hash_lo");
      String id = row.getAs("id");
      String title = row.getAs("title");
      int idRepeats = row.<Integer>getAs("id_repeats");
      if (hasLast && hashHi == lastHashHi && hashLo == lastHashLo) {
        ready.add(Annotated.article(date, id, Cleaned.instant(row.getAs("published_at")),
            row.getAs("source"), row.getAs("url"), lastLanguage, lastDetected, title,
            lastTokenCount, lastId, idRepeats, false));
        return;
      }
      String body = row.getAs("body");
      text.setLength(0);
      if (title != null) {
        text.append(title).append('\n');
      }
      text.append(body);
      String language = given;
      boolean detected = false;
      if (language == null) {
        language = detector.detect(text.length() <= DETECTION_CHARS ? text
            : text.subSequence(0, DETECTION_CHARS));
        detected = true;
      }
      analyzer.analyze(text.toString(), language, tokens);
      terms.addArticle((int) date.toEpochDay(), language, tokens);
      ready.add(Annotated.article(date, id, Cleaned.instant(row.getAs("published_at")),
          row.getAs("source"), row.getAs("url"), language, detected, title, tokens.wordCount(),
          null, idRepeats, tokens.truncated()));
      hasLast = true;
      lastHashHi = hashHi;
      lastHashLo = hashLo;
      lastId = id;
      lastLanguage = language;
      lastDetected = detected;
      lastTokenCount = tokens.wordCount();
    }

    private static Row termRow(TermAggregator.TermCount c) {
      return Annotated.term(LocalDate.ofEpochDay(c.day()), c.language(), c.term(), c.words(),
          c.count(), c.documents());
    }
  }
}
