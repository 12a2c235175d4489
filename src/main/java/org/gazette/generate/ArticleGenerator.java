package org.gazette.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Writes article number {@code i} of a synthetic corpus, the same for the same spec whatever the
 * order or the machine: every draw comes from a generator seeded by (seed, i).
 *
 * <p>An article has a language, a topic drawn from that day's mixture, a cast of people,
 * organisations and places of the topic, a title and paragraphs made from the language's templates.
 * People are named in full at first, then by surname or honorific ("M. Poutine"). Noun phrases
 * follow Zipf weights by rank, so word frequencies fall off as in real text.
 */
public final class ArticleGenerator {

  /** What a generated row is, so that tests know what nightly must make of it. */
  public enum Kind {
    ORIGINAL,
    DUPLICATE,
    NEAR_DUPLICATE,
    MISSING_ID,
    MISSING_DATE,
    BAD_DATE,
    NO_TEXT,
    MARKUP_ONLY,
    ID_REPEAT;

    /** True for the rows nightly rejects. */
    public boolean isRejected() {
      return this == MISSING_ID
          || this == MISSING_DATE
          || this == BAD_DATE
          || this == NO_TEXT
          || this == MARKUP_ONLY;
    }
  }

  /** A generated row, in the input schema (every value a string, as a JSON export has it). */
  public record Article(
      String id,
      String publishedAt,
      String source,
      String url,
      String language,
      String title,
      String body,
      Kind kind) {}

  private static final double[] LANGUAGE_SHARE = {0.35, 0.35, 0.10, 0.10, 0.10};
  private static final String[] INVALID_DATES = {
    "hier", "2023-02-30", "31/12/2023 25:00", "not a date", "2023-13-01T10:00:00Z", "mardi dernier"
  };
  private static final DateTimeFormatter OFFSET_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private final CorpusSpec spec;
  private final Content content;
  private final CorpusPlan plan;
  private final Map<String, List<Content.Entity>> entitiesByTopic = new HashMap<>();
  private final Map<String, List<Content.Entity>> entitiesByTopicAndType = new HashMap<>();

  public ArticleGenerator(CorpusSpec spec) {
    this.spec = spec;
    this.content = Content.load();
    for (Content.Entity e : content.entities) {
      entitiesByTopic.computeIfAbsent(e.topic(), k -> new ArrayList<>()).add(e);
      String type = e.type().equals("MISC") ? "ORG" : e.type(); // MISC fills the ORG slot
      entitiesByTopicAndType.computeIfAbsent(e.topic() + "/" + type, k -> new ArrayList<>()).add(e);
    }
    int fewest = Integer.MAX_VALUE;
    for (String topic : Content.TOPICS) {
      fewest = Math.min(fewest, entitiesByTopic.getOrDefault(topic, List.of()).size());
    }
    this.plan = new CorpusPlan(spec, fewest);
  }

  CorpusPlan plan() {
    return plan;
  }

  Content content() {
    return content;
  }

  /** The row at {@code index} (0-based, below {@code spec.articles()}). */
  public Article generate(long index) {
    SplittableRandom r = new SplittableRandom(Mixing.mix(spec.seed(), index * 2 + 1));
    int day = plan.dayOf(index);
    Instant publishedAt = timeOn(day, r);
    Kind kind = kindOf(index);
    if (kind.isRejected() || kind == Kind.ID_REPEAT) {
      return invalidRow(index, day, publishedAt, kind, r);
    }
    if (kind == Kind.DUPLICATE || kind == Kind.NEAR_DUPLICATE) {
      long original = earlierOriginal(index, r);
      Base base = base(original);
      String source =
          r.nextDouble() < 0.5
              ? language(base.language).wire()
              : pick(language(base.language).sources(), r);
      List<String> paragraphs = base.paragraphs;
      String title = base.title;
      if (kind == Kind.NEAR_DUPLICATE) {
        // The second outlet stamps the title with its time, and may cut a paragraph.
        title =
            base.title
                + " ("
                + language(base.language).days().get(dayOfWeek(day))
                + ", "
                + (6 + r.nextInt(16))
                + ":"
                + (10 + r.nextInt(50))
                + ")";
        if (paragraphs.size() > 1 && r.nextBoolean()) {
          List<String> fewer = new ArrayList<>(paragraphs);
          fewer.remove(r.nextInt(fewer.size()));
          paragraphs = fewer;
        }
      }
      return render(idOf(index), publishedAt, source, base.language, title, paragraphs, kind, r);
    }
    Base base = base(index);
    return render(
        idOf(index),
        publishedAt,
        base.source,
        base.language,
        base.title,
        base.paragraphs,
        Kind.ORIGINAL,
        r);
  }

  /**
   * What row {@code index} is, from a draw of its own: a copy needs an earlier original, so the
   * first rows (and rows with no original among the 300 before) are originals, and row 0 cannot
   * repeat an earlier id.
   */
  public Kind kindOf(long index) {
    double u = new SplittableRandom(Mixing.mix(spec.seed() ^ 0x4B1DL, index)).nextDouble();
    double invalid = spec.invalidShare();
    double duplicate = invalid + spec.duplicateShare();
    double near = duplicate + spec.nearDuplicateShare();
    if (u < invalid) {
      int which = (int) (u / invalid * 6);
      Kind k = Kind.values()[Kind.MISSING_ID.ordinal() + Math.min(5, which)];
      return k == Kind.ID_REPEAT && index == 0 ? Kind.MISSING_ID : k;
    }
    if (u < near && index > 0) {
      return u < duplicate ? Kind.DUPLICATE : Kind.NEAR_DUPLICATE;
    }
    return Kind.ORIGINAL;
  }

  /** An original among the 300 rows before {@code index}, the source of a copy. */
  private long earlierOriginal(long index, SplittableRandom r) {
    long j = index - 1 - r.nextInt((int) Math.min(index, 300));
    while (j > 0 && kindOf(j) != Kind.ORIGINAL) {
      j--;
    }
    return j; // row 0 is always an original
  }

  /** The term a burst makes stand out in {@code language}: an entity's name or a noun. */
  String burstTerm(CorpusPlan.Burst burst, String language) {
    String topic = Content.TOPICS.get(burst.topic());
    if (burst.entity() >= 0) {
      List<Content.Entity> pool = entitiesByTopic.get(topic);
      return pool.get(burst.entity() % pool.size()).name(language);
    }
    List<String> nouns = language(language).topics().get(topic).nouns();
    return nouns.get(burst.noun() % nouns.size());
  }

  /** The planted topics and bursts of this corpus, as JSON. */
  public String truthJson() {
    return Truth.json(this);
  }

  /** The id of the row at {@code index}: 16 hex digits, unique for a seed. */
  public String idOf(long index) {
    return String.format(Locale.ROOT, "%016x", Mixing.mix(spec.seed() ^ 0x1D1DL, index));
  }

  /** The date (UTC) of the row at {@code index}. */
  public LocalDate dateOf(long index) {
    return spec.start().plusDays(plan.dayOf(index));
  }

  private Article invalidRow(
      long index, int day, Instant publishedAt, Kind kind, SplittableRandom r) {
    Base base = base(index);
    String id = idOf(index);
    String date = formatTime(publishedAt, r);
    String title = base.title;
    String body = String.join("\n\n", base.paragraphs);
    switch (kind) {
      case MISSING_ID -> id = r.nextBoolean() ? null : " ";
      case MISSING_DATE -> date = r.nextBoolean() ? null : "";
      case BAD_DATE -> date = INVALID_DATES[r.nextInt(INVALID_DATES.length)];
      case NO_TEXT -> {
        title = r.nextBoolean() ? null : "  ";
        body = r.nextBoolean() ? null : "";
      }
      case MARKUP_ONLY -> {
        title = null;
        body = "<div class=\"article\"><p></p><p>&nbsp;</p><script>track();</script></div>";
      }
      case ID_REPEAT -> {
        long earlier = index - 1 - r.nextInt((int) Math.min(index, 300));
        id = idOf(earlier);
        Base repeated = base(earlier);
        title = repeated.title;
        List<String> paragraphs = new ArrayList<>(repeated.paragraphs);
        if (r.nextBoolean() && paragraphs.size() > 1) {
          paragraphs.remove(paragraphs.size() - 1); // an updated version
        }
        body = String.join("\n\n", paragraphs);
        return new Article(
            id,
            date,
            repeated.source,
            urlOf(repeated.source, day, title, id),
            languageField(repeated.language, r),
            title,
            body,
            kind);
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    return new Article(
        id,
        date,
        base.source,
        urlOf(base.source, day, base.title, idOf(index)),
        languageField(base.language, r),
        title,
        body,
        kind);
  }

  /** The content an article index stands for, whatever its row becomes. */
  private record Base(String language, String source, String title, List<String> paragraphs) {}

  private Base base(long index) {
    SplittableRandom r = new SplittableRandom(Mixing.mix(spec.seed(), index * 2));
    int day = plan.dayOf(index);
    String code = Content.LANGUAGES.get(weighted(LANGUAGE_SHARE, r.nextDouble()));
    Content.Language language = language(code);
    int topicIndex = plan.topicOf(day, r.nextDouble());
    String topicName = Content.TOPICS.get(topicIndex);
    Content.Topic topic = language.topics().get(topicName);
    CorpusPlan.Burst burst = plan.burst(day, topicIndex);
    Writer writer = new Writer(language, topic, cast(topicName, burst, r), burst, day, r);
    String title = writer.title();
    int sentences =
        Math.max(3, Math.min(40, (int) Math.round(Math.exp(2.2 + 0.5 * r.nextGaussian()))));
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    int inParagraph = 0;
    int paragraphLength = 2 + r.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      if (paragraph.length() > 0) {
        paragraph.append(' ');
      }
      paragraph.append(writer.sentence(r.nextDouble() < 0.15));
      if (++inParagraph == paragraphLength) {
        paragraphs.add(paragraph.toString());
        paragraph.setLength(0);
        inParagraph = 0;
        paragraphLength = 2 + r.nextInt(3);
      }
    }
    if (paragraph.length() > 0) {
      paragraphs.add(paragraph.toString());
    }
    return new Base(code, pick(language.sources(), r), title, paragraphs);
  }

  /** The people, organisations and places an article is about. */
  record Cast(
      List<Content.Entity> people,
      List<Content.Entity> organisations,
      List<Content.Entity> places) {}

  private Cast cast(String topic, CorpusPlan.Burst burst, SplittableRandom r) {
    List<Content.Entity> pool = entitiesByTopic.get(topic);
    List<Content.Entity> people = new ArrayList<>();
    List<Content.Entity> organisations = new ArrayList<>();
    List<Content.Entity> places = new ArrayList<>();
    if (burst != null && burst.entity() >= 0) {
      add(pool.get(burst.entity() % pool.size()), people, organisations, places);
    }
    int wanted = 3 + r.nextInt(4);
    for (int i = 0;
        i < wanted * 3 && people.size() + organisations.size() + places.size() < wanted;
        i++) {
      Content.Entity e = pool.get(zipf(pool.size(), 0.8, r));
      if (!people.contains(e) && !organisations.contains(e) && !places.contains(e)) {
        add(e, people, organisations, places);
      }
    }
    return new Cast(people, organisations, places);
  }

  private static void add(
      Content.Entity e,
      List<Content.Entity> people,
      List<Content.Entity> organisations,
      List<Content.Entity> places) {
    switch (e.type()) {
      case "PER" -> people.add(e);
      case "LOC" -> places.add(e);
      default -> organisations.add(e); // ORG and MISC fill the organisation slot
    }
  }

  /** Fills templates for one article, remembering whom it has already named. */
  private final class Writer {
    private final Content.Language language;
    private final Content.Topic topic;
    private final Cast cast;
    private final CorpusPlan.Burst burst;
    private final int day;
    private final SplittableRandom r;
    private final Map<Content.Entity, Integer> mentions = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final java.util.Set<Template> used = new java.util.HashSet<>();
    private Content.Entity lastPerson;

    Writer(
        Content.Language language,
        Content.Topic topic,
        Cast cast,
        CorpusPlan.Burst burst,
        int day,
        SplittableRandom r) {
      this.language = language;
      this.topic = topic;
      this.cast = cast;
      this.burst = burst;
      this.day = day;
      this.r = r;
    }

    String title() {
      Template t = topic.titles().get(zipf(topic.titles().size(), 0.3, r));
      return fill(t, true);
    }

    String sentence(boolean general) {
      List<Template> pool =
          general && !language.general().isEmpty() ? language.general() : topic.sentences();
      Template t = pool.get(r.nextInt(pool.size()));
      for (int attempt = 0; attempt < 3 && used.contains(t); attempt++) {
        t = pool.get(r.nextInt(pool.size())); // a dispatch rarely says the same thing twice
      }
      used.add(t);
      return fill(t, false);
    }

    private String fill(Template t, boolean title) {
      out.setLength(0);
      List<Template.Part> parts = t.parts();
      for (int i = 0; i < parts.size(); i++) {
        Template.Part part = parts.get(i);
        if (part.slot() == null) {
          out.append(part.text());
          continue;
        }
        String value =
            switch (part.slot()) {
              case PER -> person(title);
              case ROLE -> role(parts, i, title);
              case ORG -> name(cast.organisations(), "ORG");
              case LOC -> name(cast.places(), "LOC");
              case W -> noun();
              case NUM -> Integer.toString(number());
              case DAY -> language.days().get(dayOfWeek(Math.max(0, day - r.nextInt(2))));
            };
        if (part.slot() == Template.Slot.ROLE
            && i + 2 < parts.size()
            && parts.get(i + 2).slot() == Template.Slot.PER) {
          i += 2; // the role wrote the person too: skip " {PER}"
        }
        append(value);
      }
      return out.toString();
    }

    /** Appends a slot's value: capitalised at the start, with French elision before a vowel. */
    private void append(String value) {
      if (value.isEmpty()) {
        return;
      }
      if (out.length() == 0) {
        value = Character.toUpperCase(value.charAt(0)) + value.substring(1);
      } else if (language.code().equals("fr") && startsWithVowel(value)) {
        elide(" de ", " d’");
        elide(" que ", " qu’");
      }
      out.append(value);
    }

    private void elide(String word, String elided) {
      int len = out.length();
      if (len >= word.length() && out.substring(len - word.length()).equals(word)) {
        out.replace(len - word.length(), len, elided);
      } else if (len == word.length() - 1 && out.toString().equals(word.substring(1))) {
        out.replace(0, len, elided.substring(1));
      }
    }

    private String person(boolean title) {
      Content.Entity p = pickPerson();
      if (p == null) {
        return name(cast.organisations(), "ORG");
      }
      if (title) {
        return p.shortName(language.code());
      }
      int seen = mentions.merge(p, 1, Integer::sum);
      if (seen == 1) {
        return p.name(language.code());
      }
      String surname = p.shortName(language.code());
      String honorific = p.female() ? language.honorificFemale() : language.honorific();
      return r.nextBoolean() ? honorific.replace("{S}", surname) : surname;
    }

    private String role(List<Template.Part> parts, int i, boolean title) {
      boolean followedByPerson =
          i + 2 < parts.size()
              && parts.get(i + 1).slot() == null
              && parts.get(i + 2).slot() == Template.Slot.PER;
      Content.Entity p = followedByPerson ? pickPerson() : null;
      if (p == null) {
        return name(cast.organisations(), "ORG"); // no person to give a role to
      }
      // A title does not introduce anyone: the body names the person in full first.
      boolean first = title || mentions.merge(p, 1, Integer::sum) == 1;
      String role = p.role(language.code());
      String name = first ? p.name(language.code()) : p.shortName(language.code());
      return (role == null ? "" : role + " ") + name;
    }

    private Content.Entity pickPerson() {
      if (cast.people().isEmpty()) {
        return null;
      }
      Content.Entity p =
          lastPerson != null && r.nextDouble() < 0.3
              ? lastPerson
              : cast.people().get(zipf(cast.people().size(), 1.0, r));
      lastPerson = p;
      return p;
    }

    private String name(List<Content.Entity> pool, String type) {
      if (pool.isEmpty()) {
        // The cast has none of this kind: any of the topic's, never one of another kind.
        List<Content.Entity> ofType = entitiesByTopicAndType.get(topic.name() + "/" + type);
        if (ofType == null) {
          ofType = entitiesByTopicAndType.get(topic.name() + "/ORG");
        }
        return ofType.get(zipf(ofType.size(), 1.0, r)).name(language.code());
      }
      Content.Entity e = pool.get(zipf(pool.size(), 1.0, r));
      int seen = mentions.merge(e, 1, Integer::sum);
      String shortName = e.shortName(language.code());
      return seen > 1
              && shortName.length() < e.name(language.code()).length()
              && r.nextDouble() < 0.4
          ? shortName
          : e.name(language.code());
    }

    private String noun() {
      List<String> nouns = topic.nouns();
      if (burst != null && burst.entity() < 0 && r.nextDouble() < 0.5) {
        return nouns.get(burst.noun() % nouns.size());
      }
      return nouns.get(zipf(nouns.size(), 1.0, r));
    }

    private int number() {
      double x = r.nextDouble();
      return x < 0.5 ? 2 + r.nextInt(20) : x < 0.85 ? 20 + r.nextInt(480) : 500 + r.nextInt(4500);
    }
  }

  /** Renders a row: plain text, or (for a share of rows) HTML with entities. */
  private Article render(
      String id,
      Instant publishedAt,
      String source,
      String language,
      String title,
      List<String> paragraphs,
      Kind kind,
      SplittableRandom r) {
    String body;
    String shownTitle = title;
    if (r.nextDouble() < spec.htmlShare()) {
      StringBuilder html = new StringBuilder();
      if (r.nextBoolean()) {
        html.append("<!-- article body -->");
      }
      for (String p : paragraphs) {
        html.append("<p>").append(StringEscapeUtils.escapeHtml4(p)).append("</p>\n");
      }
      if (r.nextDouble() < 0.3) {
        html.append("<script type=\"text/javascript\">window.dataLayer = [];</script>");
      }
      body = html.toString();
      if (r.nextBoolean()) {
        shownTitle = StringEscapeUtils.escapeHtml4(title);
      }
    } else {
      body = String.join("\n\n", paragraphs);
    }
    int day = (int) (publishedAt.getEpochSecond() / 86_400 - spec.start().toEpochDay());
    return new Article(
        id,
        formatTime(publishedAt, r),
        source,
        urlOf(source, day, title, id),
        languageField(language, r),
        shownTitle,
        body,
        kind);
  }

  /** The language as feeds give it: mostly the code, sometimes a variant, sometimes nothing. */
  private String languageField(String code, SplittableRandom r) {
    double u = r.nextDouble();
    double missing = spec.missingLanguageShare();
    if (u < missing * 0.5) {
      return null;
    }
    if (u < missing * 0.75) {
      return "";
    }
    if (u < missing) {
      return "und";
    }
    if (u < missing + 0.05) {
      return switch (r.nextInt(3)) {
        case 0 -> code.toUpperCase(Locale.ROOT);
        case 1 -> code + "-" + code.toUpperCase(Locale.ROOT);
        default -> Locale.forLanguageTag(code).getISO3Language();
      };
    }
    return code;
  }

  private Instant timeOn(int day, SplittableRandom r) {
    long midnight = spec.start().plusDays(day).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    int second = (int) Math.min(86_399, Math.max(0, (13 + 4 * r.nextGaussian()) * 3600));
    return Instant.ofEpochSecond(midnight + second);
  }

  private static String formatTime(Instant t, SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.7) {
      return t.toString();
    }
    if (u < 0.9) {
      return OFFSET_FORMAT.format(t.atOffset(ZoneOffset.ofHours(2)));
    }
    return Long.toString(t.getEpochSecond());
  }

  private String urlOf(String source, int day, String title, String id) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60);
    }
    return "https://www."
        + source
        + "/"
        + spec.start().plusDays(day).toString().replace('-', '/')
        + "/"
        + slug
        + "-"
        + id.substring(0, 8);
  }

  private int dayOfWeek(int day) {
    return spec.start().plusDays(day).getDayOfWeek().getValue() - 1;
  }

  private Content.Language language(String code) {
    return content.languages.get(code);
  }

  private static <T> T pick(List<T> list, SplittableRandom r) {
    return list.get(zipf(list.size(), 0.7, r));
  }

  private static boolean startsWithVowel(String s) {
    char c = Character.toLowerCase(s.charAt(0));
    return "aeiouyéèêàâîïôûœ".indexOf(c) >= 0;
  }

  private record ZipfKey(int n, double s) {}

  private static final Map<ZipfKey, double[]> ZIPF_TABLES = new ConcurrentHashMap<>();

  /** A rank in [0, n) with probability proportional to 1 / (rank + 1)^s. */
  static int zipf(int n, double s, SplittableRandom r) {
    double[] cumulative =
        ZIPF_TABLES.computeIfAbsent(
            new ZipfKey(n, s),
            k -> {
              double[] c = new double[n];
              double total = 0;
              for (int rank = 0; rank < n; rank++) {
                total += Math.pow(rank + 1, -s);
                c[rank] = total;
              }
              for (int rank = 0; rank < n; rank++) {
                c[rank] /= total;
              }
              return c;
            });
    int found = java.util.Arrays.binarySearch(cumulative, r.nextDouble());
    return Math.min(n - 1, found >= 0 ? found : -found - 1);
  }

  private static int weighted(double[] weights, double u) {
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      if (u < sum) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
