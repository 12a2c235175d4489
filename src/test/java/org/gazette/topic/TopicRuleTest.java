package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.gazette.text.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules: how they are read (precedence, parentheses), what each operator gives on small articles,
 * and how words and phrases are normalised to the terms the nightly job finds.
 */
class TopicRuleTest {

  private static final Reference REFERENCE = Reference.bundled();

  static TopicRule rule(String text) {
    return TopicRule.parse(text, REFERENCE);
  }

  /** A comma-separated cell of a table as a set; an empty cell is the empty set. */
  static Set<String> set(String cell) {
    return cell == null || cell.isBlank()
        ? Set.of()
        : Arrays.stream(cell.split(",")).map(String::strip).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0}  reads  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      missile OR drone AND nucléaire                 | missile OR (drone AND nucléaire)
      missile AND drone OR nucléaire                 | (missile AND drone) OR nucléaire
      missile AND drone OR nucléaire AND essai       | (missile AND drone) OR (nucléaire AND essai)
      (missile OR drone) AND nucléaire               | (missile OR drone) AND nucléaire
      missile AND (drone OR nucléaire)               | missile AND (drone OR nucléaire)
      NOT missile AND drone                          | NOT missile AND drone
      NOT (missile AND drone) AND nucléaire          | NOT (missile AND drone) AND nucléaire
      missile AND NOT drone OR nucléaire             | (missile AND NOT drone) OR nucléaire
      missile OR NOT drone AND nucléaire             | missile OR (NOT drone AND nucléaire)
      NOT NOT missile                                | NOT NOT missile
      ((missile))                                    | missile
      missile AND drone AND nucléaire                | missile AND drone AND nucléaire
      (missile AND drone) AND nucléaire              | missile AND drone AND nucléaire
      missile OR (drone OR nucléaire)                | missile OR drone OR nucléaire
      ( missile OR drone )AND(nucléaire)             | (missile OR drone) AND nucléaire
      """)
  void notBindsTighterThanAndTighterThanOr(String rule, String parsed) {
    assertThat(rule(rule)).hasToString(parsed);
  }

  @ParameterizedTest(name = "{0}  on  terms [{1}], entities [{2}]  is {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # rule                               | article terms                  | entity ids               | matches
      missile AND drone                    | missile, drone                 |                          | true
      missile AND drone                    | missile                        |                          | false
      missile AND drone                    |                                |                          | false
      missile OR drone                     | drone                          |                          | true
      missile OR drone                     | missile, drone                 |                          | true
      missile OR drone                     | tank                           |                          | false
      missile AND NOT drone                | missile                        |                          | true
      missile AND NOT drone                | missile, drone                 |                          | false
      NOT missile AND drone                | drone                          |                          | true
      NOT missile AND drone                | missile, drone                 |                          | false
      missile OR drone AND nucléaire       | missile                        |                          | true
      missile OR drone AND nucléaire       | drone                          |                          | false
      missile OR drone AND nucléaire       | drone, nucléaire               |                          | true
      (missile OR drone) AND nucléaire     | missile                        |                          | false
      (missile OR drone) AND nucléaire     | drone, nucléaire               |                          | true
      NOT (missile AND drone) AND essai    | missile, essai                 |                          | true
      NOT (missile AND drone) AND essai    | missile, drone, essai          |                          | false
      NOT NOT missile                      | missile                        |                          | true
      missile AND @country:PRK             | missile                        | country:PRK              | true
      missile AND @country:PRK             | missile                        | country:KOR              | false
      missile AND @country:PRK             |                                | country:PRK              | false
      @kim-jong-un OR @country:PRK         |                                | kim-jong-un, country:RUS | true
      @kim-jong-un OR @country:PRK         |                                | vladimir-putin           | false
      @vladimir-putin AND NOT @country:UKR |                                | vladimir-putin           | true
      @vladimir-putin AND NOT @country:UKR |                                | vladimir-putin, country:UKR | false
      @city:1871859                        |                                | city:1871859             | true
      @region:UKR:crimea                   |                                | region:UKR:crimea        | true
      shoigu                               |                                | shoigu                   | false
      @shoigu                              | shoigu                         |                          | false
      """)
  void eachOperatorOnSmallArticles(String rule, String terms, String entities, boolean matches) {
    assertThat(rule(rule).matches(set(terms), set(entities))).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0}  matches the term \"{1}\": {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      # word or phrase as written           | article term              | matches
      L’Ukraine                             | ukraine                   | true
      l'Ukraine                             | ukraine                   | true
      UKRAINE                               | ukraine                   | true
      fr:L’Ukraine                          | ukraine                   | true
      dell’economia                         | economia                  | true
      Putin’s                               | putin                     | true
      nord-coréen                           | nord-coréen               | true
      nord-coréen                           | coréen                    | false
      "Corée du Nord"                       | corée du nord             | true
      "Corée du Nord"                       | corée                     | false
      "  CORÉE   du  nord "                 | corée du nord             | true
      “Corée du Nord”                       | corée du nord             | true
      «Corée du Nord»                       | corée du nord             | true
      "pouvoir d’achat"                     | pouvoir d'achat           | true
      "pouvoir d'achat"                     | pouvoir achat             | false
      "l’intelligence artificielle"         | intelligence artificielle | true
      "missiles balistiques"                | missiles balistiques      | true
      "missiles balistiques"                | missiles                  | false
      "prix de l’énergie"                   | prix de l'énergie         | true
      en:war                                | war                       | true
      en:"sea level"                        | sea level                 | true
      fr:"dette publique"                   | dette publique            | true
      """)
  void wordsAndPhrasesAreNormalisedAsArticlesAre(String rule, String term, boolean matches) {
    assertThat(rule(rule).matches(Set.of(term), Set.of())).isEqualTo(matches);
  }

  @Test
  void literalsAreNormalisedToNfc() {
    String decomposed = "\"Core\u0301e du Nord\" AND e\u0301lections";
    assertThat(rule(decomposed).matches(Set.of("corée du nord", "élections"), Set.of())).isTrue();
    assertThat(rule(decomposed).literals()).containsExactly("corée du nord", "élections");
  }

  @Test
  void aWordTakesEveryFormItHasInTheCorpusLanguages() {
    // Elided in French, Italian and Catalan; one word with its apostrophe elsewhere.
    TopicRule ukraine = rule("L’Ukraine");
    assertThat(ukraine.matches(Set.of("l'ukraine"), Set.of())).isTrue();
    assertThat(ukraine.literals()).containsExactly("ukraine");
    // Analysed in French only, it has its French form only.
    assertThat(rule("fr:L’Ukraine").matches(Set.of("l'ukraine"), Set.of())).isFalse();
  }

  @Test
  void literalsAreTheTermsPhrasesAndEntitiesOnceEachInOrder() {
    TopicRule korea =
        rule(
            "(missile OR missiles OR \"Missiles balistiques\") AND"
                + " (@kim-jong-un OR @country:PRK OR \"Corée du Nord\" OR missile)"
                + " AND NOT en:\"sea level\"");
    assertThat(korea.literals())
        .containsExactly(
            "missile",
            "missiles",
            "missiles balistiques",
            "@kim-jong-un",
            "@country:PRK",
            "corée du nord",
            "sea level");
    assertThat(korea)
        .hasToString(
            "(missile OR missiles OR \"missiles balistiques\") AND"
                + " (@kim-jong-un OR @country:PRK OR \"corée du nord\" OR missile) AND NOT"
                + " en:\"sea level\"");
  }

  @Test
  void theRuleAsWrittenOutReadsAsTheSameRule() {
    TopicRule rule =
        rule("missile OR NOT drone AND («Corée du Nord» OR @country:PRK)" + " OR en:war");
    assertThat(rule(rule.toString())).isEqualTo(rule).hasToString(rule.toString());
  }

  /** An expression tree of the test's own, with the meaning the rule must have. */
  private sealed interface Expr {
    /** Precedence: OR 1, AND 2, NOT 3, atom 4. */
    int precedence();

    boolean eval(Set<String> present);
  }

  private record Atom(String written, String key) implements Expr {
    public int precedence() {
      return 4;
    }

    public boolean eval(Set<String> present) {
      return present.contains(key);
    }
  }

  private record Not(Expr operand) implements Expr {
    public int precedence() {
      return 3;
    }

    public boolean eval(Set<String> present) {
      return !operand.eval(present);
    }
  }

  private record Binary(boolean and, Expr left, Expr right) implements Expr {
    public int precedence() {
      return and ? 2 : 1;
    }

    public boolean eval(Set<String> present) {
      return and
          ? left.eval(present) && right.eval(present)
          : left.eval(present) || right.eval(present);
    }
  }

  /** Words, a phrase and entities as written, and the term or entity id each stands for. */
  private static final Atom[] ATOMS = {
    new Atom("missile", "t:missile"), new Atom("Drone", "t:drone"),
    new Atom("essai", "t:essai"), new Atom("«Corée du Nord»", "t:corée du nord"),
    new Atom("L’Ukraine", "t:ukraine"), new Atom("@country:PRK", "e:country:PRK"),
    new Atom("@kim-jong-un", "e:kim-jong-un")
  };

  private static Expr randomExpr(Random random, int depth) {
    int pick = depth == 0 ? 0 : random.nextInt(6);
    return switch (pick) {
      case 0, 1 -> ATOMS[random.nextInt(ATOMS.length)];
      case 2 -> new Not(randomExpr(random, depth - 1));
      default ->
          new Binary(
              random.nextBoolean(), randomExpr(random, depth - 1), randomExpr(random, depth - 1));
    };
  }

  /** Writes {@code e} with only the parentheses precedence needs, and some to spare. */
  private static String write(Expr e, int outer, Random random) {
    String text;
    if (e instanceof Atom a) {
      text = a.written();
    } else if (e instanceof Not n) {
      text = "NOT " + write(n.operand(), 3, random);
    } else {
      Binary b = (Binary) e;
      text =
          write(b.left(), b.precedence(), random)
              + (b.and() ? " AND " : " OR ")
              + write(b.right(), b.precedence() + 1, random);
    }
    return e.precedence() < outer || random.nextInt(8) == 0 ? "(" + text + ")" : text;
  }

  @Test
  void randomRulesMeanWhatPrecedenceSays() {
    Random random = new Random(20_240_615);
    int parsed = 0;
    for (int round = 0; round < 300; round++) {
      Expr expr = randomExpr(random, 4);
      String written = write(expr, 0, random);
      if (expr.eval(Set.of())) {
        // It would select articles naming none of its terms: refused.
        assertThatThrownBy(() -> rule(written))
            .as(written)
            .hasMessageContaining("matches articles that name none");
        continue;
      }
      TopicRule rule = rule(written);
      parsed++;
      for (int subset = 0; subset < 1 << ATOMS.length; subset++) {
        Set<String> present = new HashSet<>();
        Set<String> terms = new HashSet<>();
        Set<String> entities = new HashSet<>();
        for (int i = 0; i < ATOMS.length; i++) {
          if ((subset & 1 << i) != 0) {
            String key = ATOMS[i].key();
            present.add(key);
            (key.startsWith("t:") ? terms : entities).add(key.substring(2));
          }
        }
        assertThat(rule.matches(terms, entities))
            .as("%s on %s", written, present)
            .isEqualTo(expr.eval(present));
      }
      assertThat(rule(rule.toString())).as(written).isEqualTo(rule);
    }
    assertThat(parsed).as("rules not refused").isGreaterThan(100);
  }

  @Test
  void survivesJavaSerialisation() throws IOException, ClassNotFoundException {
    TopicRule rule = rule("(missile OR \"corée du nord\") AND NOT @country:KOR");
    TopicRule copy = roundTrip(rule);

    assertThat(copy).isEqualTo(rule);
    assertThat(copy.matches(Set.of("corée du nord"), Set.of())).isTrue();
    assertThat(copy.matches(Set.of("corée du nord"), Set.of("country:KOR"))).isFalse();
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
