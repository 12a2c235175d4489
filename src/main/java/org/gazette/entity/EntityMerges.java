package org.gazette.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Merges the rare near-spellings of a name into the entity they spell ("Volodymyr Zelenskyy" into
 * "Volodymyr Zelensky", "Sergey Shoigu" into "Sergei Shoigu"), across the corpus, under guards that
 * keep different entities apart:
 *
 * <ul>
 *   <li>only an entity no reference list knows is merged, into one of the same type whose name has
 *       as many words and the same digits ("Hwasong-17" never meets "Hwasong-18");
 *   <li>word by word, the names differ in at most one word, which starts with the same letter, has
 *       at least {@value #MIN_WORD} letters on both sides, is close by Jaro-Winkler similarity
 *       (Commons Text, at least {@value #MIN_SIMILARITY}) and within {@value #MAX_EDITS} edits (so
 *       "Kim Jong Un" and "Kim Yo Jong" stay two people);
 *   <li>the variant is rare next to its target: the target is known, already stored, or mentioned
 *       at least {@value #MIN_RATIO} times as often (two frequent spellings are two people, Dupont
 *       and Dupond).
 * </ul>
 */
public final class EntityMerges {

  static final double MIN_SIMILARITY = 0.9;
  static final int MAX_EDITS = 2;
  static final int MIN_WORD = 4;
  static final int MIN_RATIO = 5;

  /** Targets compared with each variant at most, the most mentioned first. */
  static final int MAX_TARGETS = 200;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(MAX_EDITS);

  /**
   * An entity that may merge or be merged into: {@code stable} when it is the reference data's or
   * stored by an earlier run (its id never moves).
   */
  public record Candidate(String id, String name, String type, long mentions, boolean stable) {}

  private EntityMerges() {}

  /**
   * The key that puts candidates that may merge into one group: type, number of words, and the
   * first letter of every word.
   */
  public static String block(String name, String type) {
    StringBuilder block = new StringBuilder(type).append(':');
    for (String word : Names.words(Names.key(name))) {
      block.appendCodePoint(word.codePointAt(0));
    }
    return block.toString();
  }

  /** The merges among candidates of one {@link #block}: variant id to target id. */
  public static Map<String, String> within(List<Candidate> candidates) {
    List<Candidate> byMentions = new ArrayList<>(candidates);
    byMentions.sort(
        Comparator.comparing(Candidate::stable)
            .reversed()
            .thenComparing(Comparator.comparingLong(Candidate::mentions).reversed())
            .thenComparing(Candidate::id));
    List<Candidate> targets = byMentions.subList(0, Math.min(MAX_TARGETS, byMentions.size()));
    Map<String, String> merges = new HashMap<>();
    for (Candidate variant : byMentions) {
      if (variant.stable()) {
        continue;
      }
      for (Candidate target : targets) {
        if (target == variant || merges.containsKey(target.id())) {
          continue;
        }
        if (rareNextTo(variant, target) && nearSpelling(variant.name(), target.name())) {
          merges.put(variant.id(), target.id());
          break;
        }
      }
    }
    return merges;
  }

  private static boolean rareNextTo(Candidate variant, Candidate target) {
    return target.stable() || target.mentions() >= MIN_RATIO * variant.mentions();
  }

  /** Whether two names are spellings of one name, under the guards above. */
  public static boolean nearSpelling(String a, String b) {
    String keyA = Names.key(a);
    String keyB = Names.key(b);
    if (keyA.equals(keyB) || !digits(keyA).equals(digits(keyB))) {
      return keyA.equals(keyB);
    }
    List<String> wordsA = Names.words(keyA);
    List<String> wordsB = Names.words(keyB);
    if (wordsA.size() != wordsB.size()) {
      return false;
    }
    int differing = 0;
    for (int i = 0; i < wordsA.size(); i++) {
      String x = wordsA.get(i);
      String y = wordsB.get(i);
      if (x.equals(y)) {
        continue;
      }
      differing++;
      if (differing > 1
          || x.length() < MIN_WORD
          || y.length() < MIN_WORD
          || x.codePointAt(0) != y.codePointAt(0)
          || JARO_WINKLER.apply(x, y) < MIN_SIMILARITY
          || LEVENSHTEIN.apply(x, y) < 0) {
        return false;
      }
    }
    return differing == 1;
  }

  private static String digits(String key) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isDigit(c)) {
        digits.append(c);
      } else if (digits.length() > 0 && digits.charAt(digits.length() - 1) != ' ') {
        digits.append(' ');
      }
    }
    return digits.toString().trim();
  }

  /** Follows chains of merges (a to b, b to c) to their end. */
  public static Map<String, String> resolveChains(Map<String, String> merges) {
    Map<String, String> resolved = new HashMap<>();
    for (String from : merges.keySet()) {
      String to = merges.get(from);
      int steps = 0;
      while (merges.containsKey(to) && steps++ < merges.size()) {
        to = merges.get(to);
      }
      if (!to.equals(from)) {
        resolved.put(from, to);
      }
    }
    return resolved;
  }
}
