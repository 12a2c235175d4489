package org.gazette.topic;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.gazette.text.Tokens;

/**
 * Finds, in an article's analysed {@link Tokens}, the terms that tracked topics name, by the rules
 * {@code PhraseCounter} counts terms with (a word that is not a stop word; a phrase of two or three
 * words that starts and ends with one and crosses no punctuation; inner words with their elided
 * article). Three-word phrases are found even when a run counts shorter ones only. An article's
 * terms are never all turned into strings: each word, and each phrase that starts with the first
 * word of a tracked phrase, is looked up in place.
 *
 * <p>Not thread-safe: one per task, built from the {@link TrackedTopics} shipped to it.
 */
public final class TrackedTerms {

  private final CharArrayMap<String> forms;
  private final CharArraySet phraseStarts;
  private final Set<String> found = new HashSet<>();
  private final Set<String> foundView = Collections.unmodifiableSet(found);
  private char[] phrase = new char[256];

  public TrackedTerms(TrackedTopics topics) {
    Set<String> all = topics.termForms();
    this.forms = new CharArrayMap<>(Math.max(all.size(), 1), false);
    this.phraseStarts = new CharArraySet(16, false);
    for (String form : all) {
      forms.put(form, form);
      int space = form.indexOf(' ');
      if (space > 0) {
        phraseStarts.add(form.substring(0, space));
      }
    }
  }

  /**
   * The terms of tracked topics that the article holds, as the rules spell them: the {@code terms}
   * to give {@link TrackedTopics#matching}. A view, valid until the next call.
   */
  public Set<String> find(Tokens tokens) {
    found.clear();
    int n = tokens.size();
    char[] chars = tokens.chars();
    for (int i = 0; i < n; i++) {
      if (tokens.isStopWord(i)) {
        continue;
      }
      int start = tokens.termStart(i);
      int length = tokens.termLength(i);
      String word = forms.get(chars, start, length);
      if (word != null) {
        found.add(word);
      }
      if (i + 1 >= n
          || tokens.breaksBefore(i + 1)
          || !phraseStarts.contains(chars, start, length)) {
        continue;
      }
      int end = append(0, chars, start, length);
      end = append(end, ' ', chars, tokens.phraseStart(i + 1), tokens.phraseLength(i + 1));
      if (!tokens.isStopWord(i + 1)) {
        lookUp(end);
      }
      if (i + 2 < n && !tokens.breaksBefore(i + 2) && !tokens.isStopWord(i + 2)) {
        end = append(end, ' ', chars, tokens.phraseStart(i + 2), tokens.phraseLength(i + 2));
        lookUp(end);
      }
    }
    return foundView;
  }

  private void lookUp(int length) {
    String form = forms.get(phrase, 0, length);
    if (form != null) {
      found.add(form);
    }
  }

  private int append(int at, char separator, char[] chars, int start, int length) {
    ensure(at + 1);
    phrase[at] = separator;
    return append(at + 1, chars, start, length);
  }

  private int append(int at, char[] chars, int start, int length) {
    ensure(at + length);
    System.arraycopy(chars, start, phrase, at, length);
    return at + length;
  }

  private void ensure(int length) {
    if (length > phrase.length) {
      phrase = Arrays.copyOf(phrase, Math.max(length, phrase.length * 2));
    }
  }
}
