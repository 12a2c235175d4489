package org.gazette.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.gazette.ner.EntityType;
import org.gazette.ner.NameSpan;
import org.gazette.ner.NameTagger;
import org.gazette.ner.NameTokens;
import org.gazette.text.LanguageProfile;
import org.gazette.text.LanguageProfiles;

/**
 * Gives the names found in one article their entities: one id per entity, however the article
 * spells it. A name the reference data knows takes its id ("Poutine", "Putin" and "Путин" are
 * {@code vladimir-putin}); a short form joins the full name it belongs to ("Poutine" and "M.
 * Poutine" after "Vladimir Poutine", "Kim" after "Kim Jong Un"); an acronym joins the name it
 * abbreviates ("Agence centrale de presse coréenne (KCNA)", then "KCNA"). Any other name is an
 * entity of its own spelling, with an id made from its key ({@code jean-dupont}).
 *
 * <p>Not thread-safe: build one per task (it is cheap; the reference data is shared).
 */
public final class EntityLinker {

  /** Leading words that are not part of a name: elided articles and titles the tagger kept. */
  private static final Set<String> LEADING_NOISE =
      Set.of(
          "l", "d", "the", "m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "prof",
          "sir", "herr", "frau", "sr", "sra");

  /** Small words inside organisation names that acronyms skip. */
  private static final Set<String> ACRONYM_SKIPS =
      Set.of(
          "de", "du", "des", "la", "le", "les", "l", "d", "et", "of", "the", "and", "for", "der",
          "die", "das", "und", "für", "del", "y", "di", "della", "e", "per");

  /** Leading stop words that may begin a name: articles and particles. */
  private static final Set<String> NAME_PARTICLES =
      Set.of(
          "le", "la", "les", "l", "the", "der", "die", "das", "el", "los", "las", "il", "lo", "gli",
          "de", "du", "des", "van", "von", "da", "di", "del", "della", "al", "bin", "ibn");

  /** Most words a name found by the reference data alone may have. */
  private static final int MAX_KNOWN_WORDS = 8;

  private final KnownEntities known;
  private final LanguageProfiles profiles;

  /** The keys of the tokens of the article being linked, computed when first asked for. */
  private String[] tokenKeys = new String[256];

  private NameTokens keyed;

  /** A linker that keeps every name the tagger found. */
  public EntityLinker(KnownEntities known) {
    this(known, null);
  }

  /**
   * A linker that also drops names made only of a language's stop words (a sentence-initial "La" or
   * "Gli" the tagger took for a name), when {@code profiles} is given.
   */
  public EntityLinker(KnownEntities known, LanguageProfiles profiles) {
    this.known = Objects.requireNonNull(known, "known");
    this.profiles = profiles;
  }

  /**
   * One entity of an article: its id, type, display name, whether the reference data knows it, its
   * mentions, the sentences they are in and how the article spells it.
   */
  public record ArticleEntity(
      String id,
      EntityType type,
      String name,
      boolean known,
      int mentions,
      int[] sentences,
      List<String> spellings) {

    /**
     * This entity and {@code other}, another part of it (same id): mentions summed, sentences and
     * spellings united, name and type of the more mentioned part (this one on a tie).
     */
    public ArticleEntity plus(ArticleEntity other) {
      BitSet union = new BitSet();
      Arrays.stream(sentences).forEach(union::set);
      Arrays.stream(other.sentences).forEach(union::set);
      Set<String> allSpellings = new TreeSet<>(spellings);
      allSpellings.addAll(other.spellings);
      ArticleEntity more = mentions >= other.mentions ? this : other;
      return new ArticleEntity(
          id,
          more.type,
          more.name,
          known || other.known,
          mentions + other.mentions,
          union.stream().toArray(),
          List.copyOf(allSpellings));
    }

    /** Whether a mention of this entity is in sentence {@code s}. */
    public boolean inSentence(int s) {
      return Arrays.binarySearch(sentences, s) >= 0;
    }

    @Override
    public String toString() {
      return id + "/" + type + "×" + mentions;
    }
  }

  /** A name as found in the text, before linking. */
  private static final class Mention {
    final String surface;
    final String key;
    final List<String> words;
    final EntityType type;
    final int sentence;
    final int start;
    final int end;
    Cluster cluster;

    Mention(String surface, String key, EntityType type, int sentence, int start, int end) {
      this.surface = surface;
      this.key = key;
      this.words = Names.words(key);
      this.type = type;
      this.sentence = sentence;
      this.start = start;
      this.end = end;
    }
  }

  /** Mentions of one entity. */
  private static final class Cluster {
    final List<Mention> mentions = new ArrayList<>();
    KnownEntities.Known known;
    Mention longest;

    void add(Mention m) {
      mentions.add(m);
      m.cluster = this;
      if (longest == null || m.words.size() > longest.words.size()) {
        longest = m;
      }
    }
  }

  /**
   * The entities of an article whose text is {@code tokens}, from the names {@code spans} the
   * tagger found in it (in text order), most mentioned first (ties by id).
   */
  public List<ArticleEntity> link(NameTokens tokens, List<NameSpan> spans) {
    return link(tokens, spans, null);
  }

  /**
   * As {@link #link(NameTokens, List)}, for an article in {@code language} (ISO 639-1, or null when
   * unknown).
   */
  public List<ArticleEntity> link(NameTokens tokens, List<NameSpan> spans, String language) {
    LanguageProfile stopWords =
        profiles == null || language == null ? null : profiles.profile(language);
    boolean ownModel = language == null || NameTagger.modelFor(language).equals(language);
    if (tokenKeys.length < tokens.size()) {
      tokenKeys = new String[Math.max(tokens.size(), 2 * tokenKeys.length)];
    }
    java.util.Arrays.fill(tokenKeys, 0, tokens.size(), null);
    keyed = tokens;
    List<Mention> mentions = mentions(tokens, withKnownNames(tokens, spans), stopWords, !ownModel);
    if (mentions.isEmpty()) {
      return List.of();
    }
    List<Cluster> clusters = new ArrayList<>();
    Map<String, Cluster> byKnownId = new LinkedHashMap<>();
    Map<String, Cluster> byKey = new LinkedHashMap<>();
    // Pass 1: names the reference data knows, and full names (several words), own a cluster.
    for (Mention m : mentions) {
      KnownEntities.Known k = knownFor(m);
      if (k != null) {
        Cluster c = byKnownId.computeIfAbsent(k.id(), id -> newCluster(clusters));
        c.known = k;
        c.add(m);
        byKey.putIfAbsent(m.key, c);
      } else if (m.words.size() > 1) {
        Cluster c = byKey.computeIfAbsent(m.key, key -> newCluster(clusters));
        c.add(m);
      }
    }
    // Pass 2: an acronym in brackets right after a name abbreviates it.
    for (int i = 1; i < mentions.size(); i++) {
      Mention acronym = mentions.get(i);
      Mention expansion = mentions.get(i - 1);
      if (acronym.cluster == null
          && isAcronym(acronym.surface)
          && expansion.cluster != null
          && bracketed(tokens, expansion, acronym)) {
        expansion.cluster.add(acronym);
        byKey.putIfAbsent(acronym.key, expansion.cluster);
      }
    }
    // Pass 3: the rest join a cluster with the same key, a name they abbreviate or a full
    // name they are part of ("Poutine", "Kim"); the nearest before them, else after them.
    for (Mention m : mentions) {
      if (m.cluster != null) {
        continue;
      }
      Cluster c = byKey.get(m.key);
      if (c == null) {
        c = containing(m, mentions);
      }
      if (c == null) {
        c = newCluster(clusters);
        byKey.put(m.key, c);
      }
      c.add(m);
    }
    List<ArticleEntity> entities = new ArrayList<>(clusters.size());
    Map<String, ArticleEntity> byId = new LinkedHashMap<>();
    for (Cluster c : clusters) {
      if (c.mentions.isEmpty() || !ownModel && !trusted(c)) {
        continue;
      }
      ArticleEntity e = entity(c);
      ArticleEntity same = byId.get(e.id());
      // Two clusters can reach one id (a full name and a known short form of it): merge them.
      byId.put(e.id(), same == null ? e : same.plus(e));
    }
    entities.addAll(byId.values());
    entities.sort(
        Comparator.comparingInt(ArticleEntity::mentions)
            .reversed()
            .thenComparing(ArticleEntity::id));
    return entities;
  }

  /**
   * Whether a name is trusted where the tagger was trained on another language: capitals are weak
   * evidence there (German capitalises every noun), so only names the reference data knows,
   * acronyms, and full names that start with a known first name count.
   */
  private boolean trusted(Cluster c) {
    return c.known != null
        || isAcronym(c.longest.surface)
        || c.longest.words.size() >= 2 && known.isFirstName(c.longest.words.get(0));
  }

  private static Cluster newCluster(List<Cluster> clusters) {
    Cluster c = new Cluster();
    clusters.add(c);
    return c;
  }

  /** The known entity of a mention, unless a place would be read into a person's name. */
  private KnownEntities.Known knownFor(Mention m) {
    KnownEntities.Known k = known.lookup(m.key);
    if (k == null) {
      return null;
    }
    boolean place = k.id().indexOf(':') >= 0 && k.type() == EntityType.LOC;
    return place && m.type == EntityType.PER ? null : k;
  }

  /** The cluster of a longer name containing all of {@code m}'s words, in order. */
  private static Cluster containing(Mention m, List<Mention> mentions) {
    if (m.type == EntityType.LOC && !isAcronym(m.surface)) {
      // A place's short form is another place: "Corée" is not "Corée du Nord".
      return null;
    }
    Cluster before = null;
    Cluster after = null;
    boolean acronym = isAcronym(m.surface);
    for (Mention other : mentions) {
      if (other == m || other.cluster == null || other.words.size() <= m.words.size()) {
        if (other == m && before != null) {
          return before;
        }
        continue;
      }
      boolean fits =
          acronym
              ? abbreviates(m.key, other.words)
              : contiguous(m.words, other.words) && compatible(m.type, other.cluster);
      if (!fits) {
        continue;
      }
      if (other.start < m.start) {
        before = other.cluster;
      } else if (after == null) {
        after = other.cluster;
      }
    }
    return before != null ? before : after;
  }

  /** A short form may join a cluster of its own type, or of a person (a surname alone). */
  private static boolean compatible(EntityType type, Cluster cluster) {
    EntityType theirs = cluster.known != null ? cluster.known.type() : cluster.longest.type;
    return type == theirs
        || theirs == EntityType.PER && type != EntityType.LOC
        || type == EntityType.PER && theirs != EntityType.LOC;
  }

  private static boolean contiguous(List<String> part, List<String> whole) {
    outer:
    for (int i = 0; i + part.size() <= whole.size(); i++) {
      for (int j = 0; j < part.size(); j++) {
        if (!whole.get(i + j).equals(part.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Whether {@code acronym} (a key) is made of the initials of {@code words}. */
  static boolean abbreviates(String acronym, List<String> words) {
    StringBuilder all = new StringBuilder();
    StringBuilder content = new StringBuilder();
    for (String w : words) {
      all.append(w.charAt(0));
      if (!ACRONYM_SKIPS.contains(w)) {
        content.append(w.charAt(0));
      }
    }
    String a = acronym.replace(" ", "");
    return a.length() >= 2 && (a.contentEquals(all) || a.contentEquals(content));
  }

  /** Two to eight letters or digits, upper case at least twice: KCNA, ONU, G7, U.S. */
  static boolean isAcronym(String surface) {
    int upper = 0;
    int letters = 0;
    for (int i = 0; i < surface.length(); i++) {
      char c = surface.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      }
      if (Character.isLetterOrDigit(c)) {
        letters++;
      } else if (c != '.' && c != '-' && c != '&') {
        return false;
      }
    }
    return upper >= 2 && letters <= 8 && upper * 2 >= letters;
  }

  /** Whether the tokens between two mentions are exactly an opening bracket. */
  private static boolean bracketed(NameTokens tokens, Mention expansion, Mention acronym) {
    if (acronym.start != expansion.end + 1) {
      return false;
    }
    String between = tokens.token(expansion.end);
    return between.equals("(") || between.equals("[");
  }

  /**
   * The tagger's names, completed by the reference data: a name is extended to the longest known
   * name it begins ("Conseil de sécurité des Nations" to "… Nations unies", whose last word is not
   * capitalised), and a known name of several words the tagger missed is added. Returns {start,
   * end, type ordinal} triples in text order, never overlapping.
   */
  private List<int[]> withKnownNames(NameTokens tokens, List<NameSpan> spans) {
    int n = tokens.size();
    List<int[]> found = new ArrayList<>(spans.size() + 4);
    int next = 0;
    for (int i = 0; i < n; ) {
      NameSpan span = next < spans.size() ? spans.get(next) : null;
      if (span != null && span.start() == i) {
        next++;
        int end = span.end();
        int longer = longestKnownFrom(tokens, span.start(), span.end());
        // A person's name grows only into a known person ("Ursula" to "Ursula von der
        // Leyen"), never into a place or an organisation named after someone.
        if (longer > end
            && (span.type() != EntityType.PER
                || known.lookup(keyOf(tokens, span.start(), longer)).type() == EntityType.PER)) {
          end = longer;
        }
        found.add(new int[] {span.start(), end, span.type().ordinal()});
        while (next < spans.size() && spans.get(next).start() < end) {
          next++;
        }
        i = end;
        continue;
      }
      int limit = span == null ? n : span.start();
      int end =
          Character.isUpperCase(tokens.text().charAt(tokens.begin(i)))
              ? longestKnownFrom(tokens, i, i + 2)
              : -1;
      if (end > i + 1 && end <= limit) {
        KnownEntities.Known k = known.lookup(keyOf(tokens, i, end));
        found.add(new int[] {i, end, k.type().ordinal()});
        i = end;
      } else {
        i++;
      }
    }
    return found;
  }

  /**
   * The end of the longest known name that starts at token {@code start}, lies in one sentence and
   * ends at {@code minEnd} or later; -1 when there is none.
   */
  private int longestKnownFrom(NameTokens tokens, int start, int minEnd) {
    String first = tokenKey(tokens, start);
    int most = known.longestStartingWith(first);
    if (most == 0) {
      return -1;
    }
    int sentence = tokens.sentence(start);
    int last = Math.min(tokens.size(), start + Math.min(most + 2, MAX_KNOWN_WORDS));
    int best = -1;
    StringBuilder key = new StringBuilder(first);
    for (int end = start + 1; end <= last; end++) {
      if (end > start + 1) {
        if (tokens.sentence(end - 1) != sentence || !hasLetterOrDigit(tokens, end - 1)) {
          break;
        }
        String next = tokenKey(tokens, end - 1);
        if (!next.isEmpty()) {
          key.append(' ').append(next);
        }
      }
      String candidate = key.toString();
      if (end >= minEnd && known.lookup(candidate) != null) {
        best = end;
      }
      if (!known.beginsSomeName(candidate)) {
        break;
      }
    }
    return best;
  }

  /** The key of token {@code i} of the article being linked. */
  private String tokenKey(NameTokens tokens, int i) {
    if (tokens != keyed) {
      return Names.key(tokens.token(i));
    }
    String key = tokenKeys[i];
    if (key == null) {
      key = Names.key(tokens.token(i));
      tokenKeys[i] = key;
    }
    return key;
  }

  private static boolean hasLetterOrDigit(NameTokens tokens, int i) {
    String text = tokens.text();
    for (int c = tokens.begin(i); c < tokens.end(i); c++) {
      if (Character.isLetterOrDigit(text.charAt(c))) {
        return true;
      }
    }
    return false;
  }

  /** The key of tokens [start, end): their keys joined, as {@link Names#key} joins words. */
  private String keyOf(NameTokens tokens, int start, int end) {
    if (tokens != keyed) {
      return Names.key(tokens.text().substring(tokens.begin(start), tokens.end(end - 1)));
    }
    if (end - start == 1) {
      return tokenKey(tokens, start);
    }
    StringBuilder key = new StringBuilder();
    for (int i = start; i < end; i++) {
      String k = tokenKey(tokens, i);
      if (!k.isEmpty()) {
        if (key.length() > 0) {
          key.append(' ');
        }
        key.append(k);
      }
    }
    return key.toString();
  }

  /**
   * The mentions of the names found: leading titles and elided articles dropped, trailing stop
   * words too ("Gobierno de"), and, where the tagger was trained on another language ({@code
   * borrowedModel}), leading stop words as well ("Nach Angaben"), unless the whole is a known name.
   */
  private List<Mention> mentions(
      NameTokens tokens, List<int[]> spans, LanguageProfile stopWords, boolean borrowedModel) {
    List<Mention> mentions = new ArrayList<>(spans.size());
    for (int[] span : spans) {
      int start = span[0];
      int end = span[1];
      EntityType type = EntityType.values()[span[2]];
      // Leading articles and titles are not the name: "l'", "M.", "Mr".
      while (end - start > 1 && LEADING_NOISE.contains(tokenKey(tokens, start))) {
        start++;
      }
      if (stopWords != null && known.lookup(keyOf(tokens, start, end)) == null) {
        while (end - start > 1 && isStopWord(tokens, end - 1, stopWords)) {
          end--;
        }
        // "Selon Microsoft", "According to Reuters": a leading preposition is not the name;
        // a leading article or particle may be ("Le Monde", "De Gaulle"), except where the
        // tagger is borrowed and capitals say little.
        while (end - start > 1
            && isStopWord(tokens, start, stopWords)
            && (borrowedModel || !NAME_PARTICLES.contains(tokenKey(tokens, start)))) {
          start++;
        }
      }
      String text = tokens.text();
      String surface = text.substring(tokens.begin(start), tokens.end(end - 1));
      surface = stripPossessive(surface);
      String key = Names.key(surface);
      if (key.isEmpty()
          || key.chars().allMatch(Character::isDigit)
          || onlyFunctionWords(key, stopWords)) {
        continue;
      }
      if (end - start > 1
          && known.lookup(key) == null
          && addKnownParts(tokens, start, end, !borrowedModel, stopWords, mentions)) {
        // "BCE Lagarde" is two known names; "Ansicht von Bank of England", where the tagger
        // is borrowed, is the known name inside it.
        continue;
      }
      mentions.add(new Mention(surface, key, type, tokens.sentence(start), start, end));
    }
    return mentions;
  }

  /**
   * Adds the known names inside tokens [start, end), longest first; false when none, or, when
   * {@code whole}, unless they cover every word of the span but stop words.
   */
  private boolean addKnownParts(
      NameTokens tokens,
      int start,
      int end,
      boolean whole,
      LanguageProfile stopWords,
      List<Mention> mentions) {
    List<Mention> parts = new ArrayList<>();
    int i = start;
    while (i < end) {
      int found = -1;
      for (int j = end; j > i; j--) {
        if (known.lookup(keyOf(tokens, i, j)) != null) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        boolean filler =
            !hasLetterOrDigit(tokens, i) || stopWords != null && isStopWord(tokens, i, stopWords);
        if (whole && !filler) {
          return false;
        }
        i++;
        continue;
      }
      String surface =
          stripPossessive(tokens.text().substring(tokens.begin(i), tokens.end(found - 1)));
      parts.add(
          new Mention(
              surface,
              Names.key(surface),
              known.lookup(keyOf(tokens, i, found)).type(),
              tokens.sentence(i),
              i,
              found));
      i = found;
    }
    mentions.addAll(parts);
    return !parts.isEmpty();
  }

  private boolean isStopWord(NameTokens tokens, int i, LanguageProfile stopWords) {
    String key = tokenKey(tokens, i);
    return !key.isEmpty()
        && key.indexOf(' ') < 0
        && stopWords.isStopWord(key.toCharArray(), 0, key.length());
  }

  /** Whether every word of {@code key} is a stop word or a title ("La", "Gli", "Mr"). */
  private boolean onlyFunctionWords(String key, LanguageProfile stopWords) {
    if (known.lookup(key) != null) {
      return false;
    }
    for (String word : Names.words(key)) {
      boolean function =
          LEADING_NOISE.contains(word)
              || stopWords != null && stopWords.isStopWord(word.toCharArray(), 0, word.length());
      if (!function) {
        return false;
      }
    }
    return true;
  }

  private static String stripPossessive(String surface) {
    int n = surface.length();
    if (n > 2
        && (surface.charAt(n - 1) == 's' || surface.charAt(n - 1) == 'S')
        && (surface.charAt(n - 2) == '\'' || surface.charAt(n - 2) == '’')) {
      return surface.substring(0, n - 2);
    }
    if (n > 1 && (surface.charAt(n - 1) == '\'' || surface.charAt(n - 1) == '’')) {
      return surface.substring(0, n - 1);
    }
    return surface;
  }

  private static ArticleEntity entity(Cluster c) {
    String id;
    EntityType type;
    String name;
    if (c.known != null) {
      id = c.known.id();
      type = c.known.type();
      name = c.known.name();
    } else {
      id = Names.slug(c.longest.key);
      type = vote(c);
      name = c.longest.surface;
    }
    BitSet sentences = new BitSet();
    Set<String> spellings = new TreeSet<>();
    for (Mention m : c.mentions) {
      sentences.set(m.sentence);
      spellings.add(m.surface);
    }
    return new ArticleEntity(
        id,
        type,
        name,
        c.known != null,
        c.mentions.size(),
        sentences.stream().toArray(),
        List.copyOf(spellings));
  }

  /** The type most mentions say; a tie goes to the type of the longest mention. */
  private static EntityType vote(Cluster c) {
    int[] votes = new int[EntityType.values().length];
    for (Mention m : c.mentions) {
      votes[m.type.ordinal()] += 2;
    }
    votes[c.longest.type.ordinal()]++;
    int best = 0;
    for (int t = 1; t < votes.length; t++) {
      if (votes[t] > votes[best]) {
        best = t;
      }
    }
    return EntityType.values()[best];
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "EntityLinker[%d known names]", known.size());
  }
}
