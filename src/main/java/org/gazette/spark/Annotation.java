package org.gazette.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.gazette.entity.CoOccurrence;
import org.gazette.entity.EntityLinker;
import org.gazette.entity.KnownEntities;
import org.gazette.ner.NameTagger;
import org.gazette.ner.NameTokenizer;
import org.gazette.ner.NameTokens;
import org.gazette.text.ArticleTerms;
import org.gazette.text.Detectors;
import org.gazette.text.LanguageCodes;
import org.gazette.text.LanguageDetector;
import org.gazette.text.LanguageProfiles;
import org.gazette.text.Reference;
import org.gazette.text.TermAggregator;
import org.gazette.text.TextCleaner;
import org.gazette.text.TokenAnalyzer;
import org.gazette.text.Tokens;

/**
 * The annotation pass, the one place where article text is worked on: each usable row is
 * cleaned, hashed, given a language (detected when missing) and analysed; its terms are summed
 * into the task's {@link TermAggregator}, and its names found and linked to entities. It emits
 * {@link Annotated} rows.
 *
 * <p>In {@link Mode#RETRACT} it re-annotates rows found afterwards to be duplicates or repeated
 * ids and emits only their term counts, negated, so that summing takes them out again. The
 * analysis is deterministic, so the retraction removes exactly what was added.
 */
public final class Annotation implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  /** Characters of an article given to the language detector: plenty for a reliable guess. */
  static final int DETECTION_CHARS = 400;

  /** Titles of rejected rows are cut to this length: enough to recognise the article. */
  static final int REJECTED_TITLE_CHARS = 500;

  /**
   * Characters of a title or a body that are analysed at most: the first two million (about
   * 300,000 words, more than {@link org.gazette.text.TokenAnalyzer#MAX_TOKENS} counts; a news
   * article has a few thousand). A longer text (a 50 MB page dump) is cut before it is
   * cleaned, so that no stage holds more than a few copies of this many characters, and its
   * article says {@code text_truncated}.
   */
  public static final int MAX_TEXT_CHARS = 2_000_000;

  /** Partial counts packed into one {@link Annotated#TERMS} row at most. */
  static final int TERMS_PER_ROW = 4096;

  /** What the pass emits. */
  public enum Mode {
    /** Articles, rejected rows and term counts. */
    ANNOTATE,
    /** Only the term counts of the rows given, negated. */
    RETRACT
  }

  /** Settings of the pass; serialisable, shipped to the executors. */
  public record Settings(Reference reference, int maxPhraseWords, int flushAt,
      Detectors.Shippable detector, KnownEntities known, int pairLimit)
      implements Serializable {
    // known: the reference data's entities; null when the run finds no entities.
  }

  private final Settings settings;
  private final Mode mode;

  public Annotation(Settings settings, Mode mode) {
    this.settings = settings;
    this.mode = mode;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new AnnotatingIterator(rows, settings, mode);
  }

  /** 128-bit hash of the cleaned text, equal for identical texts, as a (hi, lo) pair. */
  static long[] contentHash(String title, String body) {
    byte[] bytes = (title + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0x6A7A);
  }

  /**
   * The hash of an article whose raw title or body was cut at {@link #MAX_TEXT_CHARS}: of the
   * cleaned prefixes and of the whole raw texts' lengths and hashes, so that two long texts
   * that only share their first two million characters are not taken for copies.
   */
  static long[] contentHash(String title, String body, String rawTitle, String rawBody) {
    String whole = "\u0000" + length(rawTitle) + ":" + hash(rawTitle) + ":" + length(rawBody)
        + ":" + hash(rawBody);
    byte[] bytes = (title + "\n\n" + body + whole).getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0x6A7A);
  }

  private static int length(String s) {
    return s == null ? -1 : s.length();
  }

  private static int hash(String s) {
    return s == null ? 0 : s.hashCode();
  }

  /**
   * The first {@link #MAX_TEXT_CHARS} characters of {@code raw} (the same string when it is not
   * longer), not splitting a surrogate pair.
   */
  static String prefix(String raw) {
    return cut(raw, MAX_TEXT_CHARS);
  }

  /** The first {@code max} characters of {@code s} (itself when not longer), whole code points. */
  static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
  }

  /** Pulls input rows and yields annotated ones, holding at most a drain's worth of counts. */
  private static final class AnnotatingIterator implements Iterator<Row> {
    private final Iterator<Row> input;
    private final Mode mode;
    private final TokenAnalyzer analyzer;
    private final TermAggregator terms;
    private final ArticleTerms bags;
    private final LanguageDetector detector;
    private final EntityLinker linker;
    private final int pairLimit;
    private final Tokens tokens = new Tokens();
    private final StringBuilder text = new StringBuilder();
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private Iterator<TermAggregator.TermCount> draining;
    private TermAggregator.TermCount pending;
    private Columns columns;

    AnnotatingIterator(Iterator<Row> input, Settings settings, Mode mode) {
      this.input = input;
      this.mode = mode;
      this.analyzer = new TokenAnalyzer(LanguageProfiles.of(settings.reference()));
      this.terms = new TermAggregator(settings.maxPhraseWords(), settings.flushAt());
      this.bags = new ArticleTerms(settings.maxPhraseWords(), ArticleTerms.DEFAULT_MAX_TERMS);
      this.detector = settings.detector().get();
      this.linker = settings.known() == null ? null : new EntityLinker(settings.known(),
          LanguageProfiles.of(settings.reference()));
      this.pairLimit = settings.pairLimit();
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (draining != null) {
          packTerms();
          continue;
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

    /** Packs drained counts of one date and language into a row, or ends the drain. */
    private void packTerms() {
      TermAggregator.TermCount first = pending != null ? pending
          : draining.hasNext() ? draining.next() : null;
      pending = null;
      if (first == null) {
        draining = null;
        return;
      }
      int sign = mode == Mode.RETRACT ? -1 : 1;
      String[] termArray = new String[TERMS_PER_ROW];
      int[] words = new int[TERMS_PER_ROW];
      long[] counts = new long[TERMS_PER_ROW];
      long[] docs = new long[TERMS_PER_ROW];
      int n = 0;
      TermAggregator.TermCount c = first;
      while (true) {
        termArray[n] = c.term();
        words[n] = c.words();
        counts[n] = sign * c.count();
        docs[n] = sign * (long) c.documents();
        n++;
        if (n == TERMS_PER_ROW || !draining.hasNext()) {
          break;
        }
        TermAggregator.TermCount next = draining.next();
        if (next.day() != first.day() || !next.language().equals(first.language())) {
          pending = next;
          break;
        }
        c = next;
      }
      ready.add(Annotated.terms(LocalDate.ofEpochDay(first.day()), first.language(),
          Arrays.copyOf(termArray, n), Arrays.copyOf(words, n), Arrays.copyOf(counts, n),
          Arrays.copyOf(docs, n)));
    }

    private void annotate(Row row) {
      if (columns == null) {
        columns = new Columns(row);
      }
      LocalDate date = localDate(row.get(columns.date));
      String reason = row.getString(columns.reason);
      String title = row.getString(columns.title);
      String body = row.getString(columns.body);
      String given = LanguageCodes.normalize(row.getString(columns.language));
      String cleanTitle = null;
      String cleanBody = null;
      boolean cut = false;
      if (reason == null) {
        String titlePrefix = prefix(title);
        String bodyPrefix = prefix(body);
        cut = titlePrefix != title || bodyPrefix != body; // prefix() returns a text not cut
        cleanTitle = TextCleaner.clean(titlePrefix);
        cleanBody = TextCleaner.clean(bodyPrefix);
        if (cleanTitle.isEmpty() && cleanBody.isEmpty()) {
          reason = Triage.NO_TEXT_AFTER_CLEANING;
        }
      }
      if (reason != null) {
        if (mode == Mode.ANNOTATE) {
          ready.add(Annotated.rejected(date, row.getString(columns.id),
              row.getString(columns.publishedAtRaw), row.getString(columns.source),
              row.getString(columns.url),
              given == null ? LanguageCodes.UNDETERMINED : given,
              cut(title, REJECTED_TITLE_CHARS),
              body == null ? null : body.length(), reason));
        }
        return;
      }
      text.setLength(0);
      if (!cleanTitle.isEmpty()) {
        text.append(cleanTitle).append('\n');
      }
      text.append(cleanBody);
      String language = given;
      boolean detected = false;
      if (language == null) {
        language = detector.detect(text.length() <= DETECTION_CHARS ? text
            : text.subSequence(0, DETECTION_CHARS));
        detected = true;
      }
      analyzer.analyze(text.toString(), language, tokens);
      terms.addArticle((int) date.toEpochDay(), language, tokens);
      if (mode == Mode.ANNOTATE) {
        // Names are found on the text as written (case matters), in the same pass.
        List<EntityLinker.ArticleEntity> entities = List.of();
        if (linker != null) {
          NameTokens nameTokens = NameTokenizer.tokenize(text.toString());
          entities = linker.link(nameTokens, NameTagger.forLanguage(language).tag(nameTokens),
              language);
        }
        long[] hash = cut ? contentHash(cleanTitle, cleanBody, title, body)
            : contentHash(cleanTitle, cleanBody);
        ready.add(Annotated.article(date, row.getString(columns.id),
            instant(row.get(columns.publishedAt)), row.getString(columns.source),
            row.getString(columns.url), language, detected,
            cleanTitle.isEmpty() ? null : cleanTitle, tokens.wordCount(),
            tokens.truncated() || cut,
            hash[0], hash[1], row.getLong(columns.inputFile), row.getLong(columns.inputRow),
            bags.of(tokens), entities, CoOccurrence.of(entities, pairLimit)));
      }
    }
  }

  /** Positions of the input columns, looked up once per task rather than once per value. */
  private static final class Columns {
    final int id;
    final int publishedAt;
    final int publishedAtRaw;
    final int date;
    final int source;
    final int url;
    final int language;
    final int title;
    final int body;
    final int inputFile;
    final int inputRow;
    final int reason;

    Columns(Row row) {
      id = row.fieldIndex("id");
      publishedAt = row.fieldIndex("published_at");
      publishedAtRaw = row.fieldIndex("published_at_raw");
      date = row.fieldIndex("date");
      source = row.fieldIndex("source");
      url = row.fieldIndex("url");
      language = row.fieldIndex("language");
      title = row.fieldIndex("title");
      body = row.fieldIndex("body");
      inputFile = row.fieldIndex("input_file");
      inputRow = row.fieldIndex("input_row");
      reason = row.fieldIndex("reason");
    }
  }

  /** A date column's value as a {@link LocalDate}, whichever Java type Spark chose. */
  static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  /** A timestamp column's value as an {@link Instant}, whichever Java type Spark chose. */
  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Instant i ? i : ((Timestamp) value).toInstant();
  }
}
