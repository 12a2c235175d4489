package org.gazette.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Word lists that give the tagger one feature per list: a token's folded form (lower case, digits
 * as 0, typographic apostrophes as ') maps to a bit mask of the lists that hold it. Read from the
 * reference data bundled in the jar ({@code data/reference/entities/}); a missing file is an empty
 * list, so the tagger works without them (with the features they would give off).
 */
final class NameLexicon {

  static final int FIRST_NAME = 1;
  static final int FIRST_NAME_AMBIGUOUS = 2;
  static final int PLACE = 4;
  static final int PLACE_AMBIGUOUS = 8;
  static final int PLACE_PART = 16;
  static final int DEMONYM = 32;
  static final int HONORIFIC = 64;
  static final int ORG_CUE = 128;
  static final int COUNTRY = 256;
  static final int ROLE = 512;

  /** First and later tokens of a whole multi-word place name found in the text. */
  static final int PHRASE_BEGIN = 1024;

  static final int PHRASE_INSIDE = 2048;
  static final int MAX_PHRASE = 5;
  static final int ORG_TAIL = 4096;

  static final NameLexicon EMPTY =
      new NameLexicon(new long[0], new int[0], 0, new long[0], new long[0]);

  private static final String FOLDER = "/org/gazette/reference/entities/";
  private static volatile NameLexicon bundled;

  private final long[] keys;
  private final int[] masks;
  private final int size;

  /** Hashes of multi-word names ({@link #phrase}). */
  private final LongSet phrases;

  /** Folded hashes of the first tokens of multi-word names. */
  private final LongSet phraseStarts;

  private NameLexicon(long[] keys, int[] masks, int size, long[] phrases, long[] phraseStarts) {
    this.keys = keys;
    this.masks = masks;
    this.size = size;
    this.phrases = new LongSet(phrases);
    this.phraseStarts = new LongSet(phraseStarts);
  }

  /** Hash of a sequence of folded token hashes: start with 0, add each token. */
  static long phrase(long previous, long token) {
    return Hashes.mix(previous * 31 + token);
  }

  boolean hasPhrases() {
    return phrases.size() > 0;
  }

  boolean isPhrase(long phraseHash) {
    return phrases.contains(phraseHash);
  }

  /** Whether a multi-word name starts with the token of this folded hash. */
  boolean isPhraseStart(long folded) {
    return phraseStarts.contains(folded);
  }

  /** The lists bundled in the jar, read once per JVM. */
  static NameLexicon bundled() {
    NameLexicon b = bundled;
    if (b == null) {
      synchronized (NameLexicon.class) {
        b = bundled;
        if (b == null) {
          b = readBundled();
          bundled = b;
        }
      }
    }
    return b;
  }

  int flags(long folded) {
    if (size == 0) {
      return 0;
    }
    int mask = keys.length - 1;
    int slot = (int) Hashes.mix(folded) & mask;
    while (true) {
      long k = keys[slot];
      if (k == folded && masks[slot] != 0) {
        return masks[slot];
      }
      if (masks[slot] == 0) {
        return 0;
      }
      slot = (slot + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  /**
   * Reads the lists by column position, as their comments document them (a header line, if a file
   * has one, is skipped): {@code first-names.tsv} name, langs, ambiguous; {@code places.tsv} id,
   * kind, country, population, names ({@code |}-separated), ambiguous; {@code place-aliases.tsv}
   * the same; {@code demonyms.tsv} country, lang, forms; {@code honorifics.tsv} lang, form, kind
   * (title or role), gender; {@code org-cues.tsv} cue, lang, position (head or tail).
   */
  private static NameLexicon readBundled() {
    Builder b = new Builder();
    read(
        "first-names.tsv",
        "name",
        cols -> {
          boolean ambiguous = cols.length > 2 && !cols[2].isBlank();
          b.add(cols[0], ambiguous ? FIRST_NAME_AMBIGUOUS : FIRST_NAME);
        });
    for (String file : new String[] {"places.tsv", "place-aliases.tsv"}) {
      read(
          file,
          "id",
          cols -> {
            if (cols.length < 5) {
              return;
            }
            List<String> unsure =
                cols.length > 5 ? Arrays.asList(cols[5].split("\\s*\\|\\s*")) : List.of();
            for (String name : cols[4].split("\\s*\\|\\s*")) {
              int flag = unsure.contains(name) ? PLACE_AMBIGUOUS : PLACE;
              if ("country".equals(cols[1]) && flag == PLACE) {
                flag |= COUNTRY;
              }
              b.addName(name, flag);
            }
          });
    }
    read(
        "demonyms.tsv",
        "country",
        cols -> {
          if (cols.length > 2) {
            for (String form : cols[2].split("\\s*\\|\\s*")) {
              b.add(form, DEMONYM);
            }
          }
        });
    read(
        "honorifics.tsv",
        "lang",
        cols -> {
          if (cols.length > 2) {
            b.addName(cols[1], "role".equals(cols[2]) ? ROLE : HONORIFIC);
          }
        });
    read(
        "org-cues.tsv",
        "cue",
        cols -> {
          boolean tail = cols.length > 2 && cols[2].strip().equals("tail");
          b.addName(cols[0], tail ? ORG_TAIL : ORG_CUE);
        });
    return b.build();
  }

  /** Calls {@code row} with each data row; comments (#), blank lines and a header skipped. */
  private static void read(String file, String firstHeader, Consumer<String[]> row) {
    try (InputStream in = NameLexicon.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        return;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean first = true;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (first && cols[0].equals(firstHeader)) {
          first = false;
          continue;
        }
        first = false;
        if (!cols[0].isBlank()) {
          row.accept(cols);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + file, e);
    }
  }

  /** Collects forms into an open-addressing table of folded hashes. */
  static final class Builder {
    private final List<long[]> entries = new ArrayList<>();
    private final List<Long> phrases = new ArrayList<>();
    private final List<Long> phraseStarts = new ArrayList<>();

    /** A one-token form. */
    Builder add(String form, int flag) {
      String f = form.strip();
      if (!f.isEmpty()) {
        entries.add(new long[] {Hashes.folded(f), flag});
      }
      return this;
    }

    /** A name of one or more tokens: one token is the form itself, longer ones mark parts. */
    Builder addName(String name, int flag) {
      NameTokens t = NameTokenizer.tokenize(name.strip());
      if (t.size() == 1) {
        return add(t.token(0), flag);
      }
      int partFlag = (flag & (PLACE | PLACE_AMBIGUOUS)) != 0 ? PLACE_PART : flag;
      if ((flag & PLACE) != 0 && t.size() <= MAX_PHRASE) {
        long h = 0;
        for (int i = 0; i < t.size(); i++) {
          h = phrase(h, Hashes.folded(t.token(i)));
        }
        phrases.add(h);
        phraseStarts.add(Hashes.folded(t.token(0)));
      }
      for (int i = 0; i < t.size(); i++) {
        String token = t.token(i);
        if (Character.isUpperCase(token.codePointAt(0))) {
          add(token, partFlag);
        }
      }
      return this;
    }

    NameLexicon build() {
      if (entries.isEmpty() && phrases.isEmpty()) {
        return EMPTY;
      }
      int capacity = Integer.highestOneBit(Math.max(16, entries.size() * 2)) * 2;
      long[] keys = new long[capacity];
      int[] masks = new int[capacity];
      int size = 0;
      for (long[] e : entries) {
        int slot = (int) Hashes.mix(e[0]) & (capacity - 1);
        while (masks[slot] != 0 && keys[slot] != e[0]) {
          slot = (slot + 1) & (capacity - 1);
        }
        if (masks[slot] == 0) {
          size++;
        }
        keys[slot] = e[0];
        masks[slot] |= (int) e[1];
      }
      long[] phraseHashes = phrases.stream().mapToLong(Long::longValue).toArray();
      long[] startHashes = phraseStarts.stream().mapToLong(Long::longValue).toArray();
      return new NameLexicon(keys, masks, size, phraseHashes, startHashes);
    }
  }
}
