package org.gazette.spark.pass;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.sql.Row;
import org.gazette.entity.CoOccurrence;
import org.gazette.entity.EntityLinker;
import org.gazette.entity.KnownEntities;
import org.gazette.ner.NameTagger;
import org.gazette.ner.NameTokenizer;
import org.gazette.ner.NameTokens;
import org.gazette.spark.RowValues;
import org.gazette.spark.input.Triage;
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
 * The annotation pass, the one place where article text is worked on: each usable row is cleaned,
 * given a language (detected when missing) and analysed; its terms are summed into the task's
 * {@link TermAggregator}, and its names found and linked to entities. It emits {@link Annotated}
 * rows.
 *
 * <p>It runs on the rows of one input partition together with the {@link Resolution} decisions of
 * that partition's rows, found beforehand from their {@link Fingerprint}s: a row collapsed into
 * another of its id is only counted, a duplicate is annotated for {@code articles} but its terms
 * are not counted, and every other row is an original. The decisions of a partition are at most its
 * rows, so that a task holds no more than its partition's share.
 */
public final class Annotation implements FlatMapFunction2<Iterator<Row>, Iterator<Row>, Row> {

  private static final long serialVersionUID = 2L;

  /** Characters of an article given to the language detector: plenty for a reliable guess. */
  static final int DETECTION_CHARS = 400;

  /** Titles of rejected rows are cut to this length: enough to recognise the article. */
  static final int REJECTED_TITLE_CHARS = 500;

  /**
   * Characters of a title or a body that are analysed at most: the first two million (about 300,000
   * words, more than {@link org.gazette.text.TokenAnalyzer#MAX_TOKENS} counts; a news article has a
   * few thousand). A longer text (a 50 MB page dump) is cut before it is cleaned, so that no stage
   * holds more than a few copies of this many characters, and its article says {@code
   * text_truncated}.
   */
  public static final int MAX_TEXT_CHARS = 2_000_000;

  /**
   * Distinct (day, language, term) counts a task sums before it hands them to Spark, by default:
   * about 100 MB of tables per task, and far fewer rows than terms read.
   */
  public static final int DEFAULT_FLUSH_AT = 1_000_000;

  /**
   * Heap bytes a task's term buffer may take per entry it holds: its tables hold an entry in about
   * 100 bytes, and a task may use a tenth of its share of the heap for them.
   */
  static final long HEAP_BYTES_PER_ENTRY = 1000;

  /** Entries a term buffer holds at least before it is handed on, however small the heap. */
  static final int MIN_FLUSH_AT = 10_000;

  /**
   * The entries a task's term buffer holds before it is handed to Spark: {@code flushAt}, or fewer
   * when the heap ({@code heapBytes}, shared by up to {@code tasks} tasks at once) is small: the
   * buffer stays within a tenth of a task's share of the heap.
   */
  static int flushAt(int flushAt, long heapBytes, int tasks) {
    long bound = heapBytes / Math.max(1, tasks) / HEAP_BYTES_PER_ENTRY;
    return (int) Math.max(Math.min(flushAt, MIN_FLUSH_AT), Math.min(flushAt, bound));
  }

  /**
   * Partial counts packed into one {@link Annotated#TERMS} row at most: a batch of 200 cached rows
   * (see {@code spark.sql.inMemoryColumnarStorage.batchSize}) then holds a few MB.
   */
  static final int TERMS_PER_ROW = 256;

  /** Settings of the pass; serialisable, shipped to the executors. */
  public record Settings(
      Reference reference,
      int maxPhraseWords,
      int flushAt,
      Detectors.Shippable detector,
      KnownEntities known,
      int pairLimit)
      implements Serializable {
    // known: the reference data's entities; null when the run finds no entities.
  }

  private final Settings settings;

  public Annotation(Settings settings) {
    this.settings = settings;
  }

  /**
   * Annotates {@code rows} (judged input rows of one partition, see {@link AnnotationPass#judged})
   * with {@code decisions}, the {@link Resolution#decisions} of that partition's rows.
   */
  @Override
  public Iterator<Row> call(Iterator<Row> rows, Iterator<Row> decisions) {
    return new AnnotatingIterator(rows, Decisions.of(decisions), settings);
  }

  /** The texts of an input row as cleaned, or why the row cannot be used. */
  record Cleaned(String title, String body, boolean cut, String reason) {

    /**
     * Cleans {@code title} and {@code body} of a row judged {@code reason} (null: usable), each cut
     * to {@link #MAX_TEXT_CHARS} first.
     */
    static Cleaned of(String reason, String title, String body) {
      if (reason != null) {
        return new Cleaned(null, null, false, reason);
      }
      String titlePrefix = prefix(title);
      String bodyPrefix = prefix(body);
      boolean cut = titlePrefix != title || bodyPrefix != body; // prefix() returns a text not cut
      String cleanTitle = TextCleaner.clean(titlePrefix);
      String cleanBody = TextCleaner.clean(bodyPrefix);
      return new Cleaned(
          cleanTitle,
          cleanBody,
          cut,
          cleanTitle.isEmpty() && cleanBody.isEmpty() ? Triage.NO_TEXT_AFTER_CLEANING : null);
    }

    /** The content hash of a usable row whose raw texts were {@code rawTitle}, {@code rawBody}. */
    long[] hash(String rawTitle, String rawBody) {
      return cut ? contentHash(title, body, rawTitle, rawBody) : contentHash(title, body);
    }
  }

  /** 128-bit hash of the cleaned text, equal for identical texts, as a (hi, lo) pair. */
  static long[] contentHash(String title, String body) {
    byte[] bytes = (title + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0x6A7A);
  }

  /**
   * The hash of an article whose raw title or body was cut at {@link #MAX_TEXT_CHARS}: of the
   * cleaned prefixes and of the whole raw texts' lengths and hashes, so that two long texts that
   * only share their first two million characters are not taken for copies.
   */
  static long[] contentHash(String title, String body, String rawTitle, String rawBody) {
    String whole =
        "\u0000"
            + length(rawTitle)
            + ":"
            + hash(rawTitle)
            + ":"
            + length(rawBody)
            + ":"
            + hash(rawBody);
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

  /**
   * The decisions of one partition's rows, by {@code input_file, input_row}; every one must meet
   * its row, or the input was split differently from the pass that decided.
   */
  static final class Decisions {
    private final Map<RowKey, Row> byRow = new HashMap<>();
    private int part = -1;
    private int met;

    record RowKey(long file, long row) {}

    static Decisions of(Iterator<Row> rows) {
      Decisions d = new Decisions();
      while (rows.hasNext()) {
        Row r = rows.next();
        d.part = r.getInt(0);
        d.byRow.put(new RowKey(r.getLong(1), r.getLong(2)), r);
      }
      return d;
    }

    /** The decision on the row read at {@code file, row} of partition {@code part}, or null. */
    Row of(int rowPart, long file, long row) {
      if (byRow.isEmpty()) {
        return null;
      }
      if (rowPart != part) {
        throw misaligned("a row of partition " + rowPart + " met the decisions of " + part);
      }
      Row decision = byRow.get(new RowKey(file, row));
      if (decision != null) {
        met++;
      }
      return decision;
    }

    /** Fails unless every decision met its row. */
    void checkAllMet() {
      if (met != byRow.size()) {
        throw misaligned(
            (byRow.size() - met)
                + " of the "
                + byRow.size()
                + " decisions on partition "
                + part
                + " met no row");
      }
    }

    private static IllegalStateException misaligned(String what) {
      return new IllegalStateException(
          "the input was split differently between the passes of"
              + " the run ("
              + what
              + "); run again, and report it if it happens twice");
    }
  }

  /** Pulls input rows and yields annotated ones, holding at most a drain's worth of counts. */
  private static final class AnnotatingIterator implements Iterator<Row> {
    private final Iterator<Row> input;
    private final Decisions decisions;
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
    private boolean checked;

    AnnotatingIterator(Iterator<Row> input, Decisions decisions, Settings settings) {
      this.input = input;
      this.decisions = decisions;
      this.analyzer = new TokenAnalyzer(LanguageProfiles.of(settings.reference()));
      this.terms =
          new TermAggregator(
              settings.maxPhraseWords(),
              flushAt(
                  settings.flushAt(),
                  Runtime.getRuntime().maxMemory(),
                  Runtime.getRuntime().availableProcessors()));
      this.bags = new ArticleTerms(settings.maxPhraseWords(), ArticleTerms.DEFAULT_MAX_TERMS);
      this.detector = settings.detector().get();
      this.linker =
          settings.known() == null
              ? null
              : new EntityLinker(settings.known(), LanguageProfiles.of(settings.reference()));
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
          if (!checked) {
            decisions.checkAllMet();
            checked = true;
          }
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
      TermAggregator.TermCount first =
          pending != null ? pending : draining.hasNext() ? draining.next() : null;
      pending = null;
      if (first == null) {
        draining = null;
        return;
      }
      String[] termArray = new String[TERMS_PER_ROW];
      int[] words = new int[TERMS_PER_ROW];
      long[] counts = new long[TERMS_PER_ROW];
      long[] docs = new long[TERMS_PER_ROW];
      int n = 0;
      TermAggregator.TermCount c = first;
      while (true) {
        termArray[n] = c.term();
        words[n] = c.words();
        counts[n] = c.count();
        docs[n] = c.documents();
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
      ready.add(
          Annotated.terms(
              LocalDate.ofEpochDay(first.day()),
              first.language(),
              Arrays.copyOf(termArray, n),
              Arrays.copyOf(words, n),
              Arrays.copyOf(counts, n),
              Arrays.copyOf(docs, n)));
    }

    private void annotate(Row row) {
      if (columns == null) {
        columns = new Columns(row);
      }
      LocalDate date = RowValues.localDate(row.get(columns.date));
      String title = row.getString(columns.title);
      String body = row.getString(columns.body);
      String given = LanguageCodes.normalize(row.getString(columns.language));
      Cleaned cleaned = Cleaned.of(row.getString(columns.reason), title, body);
      if (cleaned.reason() != null) {
        ready.add(
            Annotated.rejected(
                date,
                row.getString(columns.id),
                row.getString(columns.publishedAtRaw),
                row.getString(columns.source),
                row.getString(columns.url),
                given == null ? LanguageCodes.UNDETERMINED : given,
                cut(title, REJECTED_TITLE_CHARS),
                body == null ? null : body.length(),
                cleaned.reason()));
        return;
      }
      Row decision =
          decisions.of(
              row.getInt(columns.part),
              row.getLong(columns.inputFile),
              row.getLong(columns.inputRow));
      if (decision != null && decision.getBoolean(3)) {
        // Collapsed into another row of its id, whose id_repeats counts it in the tables.
        ready.add(Annotated.collapsed(date, row.getString(columns.id)));
        return;
      }
      int idRepeats = decision == null ? 0 : decision.getInt(4);
      String duplicateOf = decision == null ? null : decision.getString(5);
      text.setLength(0);
      if (!cleaned.title().isEmpty()) {
        text.append(cleaned.title()).append('\n');
      }
      text.append(cleaned.body());
      String language = given;
      boolean detected = false;
      if (language == null) {
        language =
            detector.detect(
                text.length() <= DETECTION_CHARS ? text : text.subSequence(0, DETECTION_CHARS));
        detected = true;
      }
      analyzer.analyze(text.toString(), language, tokens);
      if (duplicateOf == null) {
        terms.addArticle((int) date.toEpochDay(), language, tokens);
      }
      // Names are found on the text as written (case matters), in the same pass.
      List<EntityLinker.ArticleEntity> entities = List.of();
      if (linker != null) {
        NameTokens nameTokens = NameTokenizer.tokenize(text.toString());
        entities =
            linker.link(nameTokens, NameTagger.forLanguage(language).tag(nameTokens), language);
      }
      ready.add(
          Annotated.article(
              date,
              row.getString(columns.id),
              RowValues.instant(row.get(columns.publishedAt)),
              row.getString(columns.source),
              row.getString(columns.url),
              language,
              detected,
              cleaned.title().isEmpty() ? null : cleaned.title(),
              tokens.wordCount(),
              tokens.truncated() || cleaned.cut(),
              duplicateOf,
              idRepeats,
              bags.of(tokens),
              entities,
              CoOccurrence.of(entities, pairLimit)));
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
    final int part;

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
      part = row.fieldIndex("part");
    }
  }
}
