package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.gazette.text.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake in a tracked-topics file is one message: file, line, and what is wrong, with the
 * column and the fix where there is one.
 */
class TopicSyntaxTest {

  private static final Reference REFERENCE = Reference.bundled();

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // the file's lines
        mistake(
            "1 missile OR missiles",
            "tracked.txt:1: expected 'id | name | rule', found '1 missile OR missiles'"),
        mistake(
            "   missile OR missiles",
            "tracked.txt:1: an indented line continues the rule of the topic above, but there"
                + " is none; a topic starts at the beginning of a line with 'id | name | rule'"),
        mistake(
            "0 | Missiles | missile",
            "tracked.txt:1: topic id '0' is not a positive whole number (1 to 2147483647)"),
        mistake(
            "-4 | Missiles | missile",
            "tracked.txt:1: topic id '-4' is not a positive whole number (1 to 2147483647)"),
        mistake(
            "A1 | Missiles | missile",
            "tracked.txt:1: topic id 'A1' is not a positive whole number (1 to 2147483647)"),
        mistake(
            "3000000000 | Missiles | missile",
            "tracked.txt:1: topic id '3000000000' is"
                + " not a positive whole number (1 to 2147483647)"),
        mistake("1 |  | missile", "tracked.txt:1: topic 1 has no name"),
        mistake(
            "# Korea\n\n1 | Missiles | missile\n2 | Drones | drone\n1 | Tests | essai",
            "tracked.txt:5: duplicate topic id 1: line 3 already uses it (ids must be unique"
                + " and stay with their topic)"),
        mistake(
            "1 | Missiles | missile\n2 | MISSILES | missiles",
            "tracked.txt:2: duplicate topic name 'MISSILES': line 1 already uses it"),
        // empty rules
        mistake("1 | Missiles |", "tracked.txt:1: empty rule"),
        mistake("1 | Missiles | # to do\n\n    # still to do", "tracked.txt:1: empty rule"),
        mistake("1 | Missiles | ()", "tracked.txt:1: empty parentheses at column 16"),
        mistake("1 | Missiles | \"\"", "tracked.txt:1: empty phrase at column 16"),
        // parentheses
        mistake(
            "1 | Missiles | (missile OR missiles",
            "tracked.txt:1: '(' (column 16) is never closed"),
        mistake(
            "1 | Missiles | missile OR missiles)",
            "tracked.txt:1: ')' (column 35) has no matching '('"),
        mistake(
            "1 | Missiles | missile\n2 | Drones | (drone\n    OR drones",
            "tracked.txt:2: '(' (column 14) is never closed"),
        mistake(
            "1 | Missiles | (missile)) AND essai",
            "tracked.txt:1: ')' (column 25) has no matching '('"),
        mistake(
            "1 | Missiles | (missile (missiles))",
            "tracked.txt:1: missing operator between 'missile' (column 17) and '(' (column 25):"
                + " write AND or OR between them"),
        // operators
        mistake(
            "1 | Missiles | missile nucléaire",
            "tracked.txt:1: missing operator between 'missile' (column 16) and 'nucléaire'"
                + " (column 24): write AND or OR between them, or quote a phrase"
                + " (\"missile nucléaire\")"),
        mistake(
            "1 | Missiles | missile\n    OR missiles balistiques",
            "tracked.txt:2: missing operator between 'missiles' (column 8) and 'balistiques'"
                + " (column 17): write AND or OR between them, or quote a phrase"
                + " (\"missiles balistiques\")"),
        mistake(
            "1 | Missiles | missile\n    \"missiles balistiques\"",
            "tracked.txt:2: missing operator between 'missile' (line 1, column 16) and"
                + " \"missiles balistiques\" (column 5): write AND or OR between them"),
        mistake(
            "1 | Missiles | missile OR\n    AND essai",
            "tracked.txt:2: AND (column 5) follows OR (line 1, column 24); expected a word, a"
                + " \"phrase\", an @entity, NOT or '('"),
        mistake(
            "1 | Missiles | missile @country:PRK",
            "tracked.txt:1: missing operator between 'missile' (column 16) and @country:PRK"
                + " (column 24): write AND or OR between them"),
        mistake(
            "1 | Missiles | missile AND", "tracked.txt:1: AND (column 24) has nothing after it"),
        mistake(
            "1 | Missiles | missile AND\n\n    # more to come",
            "tracked.txt:1: AND (column 24) has nothing after it"),
        mistake(
            "1 | Missiles | (missile OR) AND essai",
            "tracked.txt:1: OR (column 25) has nothing after it"),
        mistake("1 | Missiles | OR missile", "tracked.txt:1: OR (column 16) has nothing before it"),
        mistake(
            "1 | Missiles | (AND missile)", "tracked.txt:1: AND (column 17) has nothing before it"),
        mistake(
            "1 | Missiles | missile AND OR missiles",
            "tracked.txt:1: OR (column 28) follows AND (column 24); expected a word, a"
                + " \"phrase\", an @entity, NOT or '('"),
        mistake(
            "1 | Missiles | missile AND NOT",
            "tracked.txt:1: NOT (column 28) has nothing after it"),
        mistake(
            "1 | Missiles | missile && essai",
            "tracked.txt:1: unknown operator '&&' at column 24: write AND (operators are AND,"
                + " OR, NOT, in capitals)"),
        mistake(
            "1 | Missiles | missile | missiles",
            "tracked.txt:1: unknown operator '|' at column 24: write OR (operators are AND, OR,"
                + " NOT, in capitals)"),
        mistake(
            "1 | Missiles | missile AND -essai",
            "tracked.txt:1: unknown operator '-' at column 28: write NOT (operators are AND,"
                + " OR, NOT, in capitals)"),
        mistake(
            "1 | Missiles | missile XOR missiles",
            "tracked.txt:1: unknown operator 'XOR' at column 24: operators are AND, OR, NOT,"
                + " with parentheses"),
        mistake(
            "1 | Missiles | missile or missiles",
            "tracked.txt:1: 'or' at column 24 is not an operator: operators are written in"
                + " capitals (AND, OR, NOT)"),
        mistake(
            "1 | Missiles | Not missile",
            "tracked.txt:1: 'Not' at column 16 is not an"
                + " operator: operators are written in capitals (AND, OR, NOT)"),
        mistake(
            "1 | Missiles | NOT essai",
            "tracked.txt:1: the rule matches articles that"
                + " name none of its words, phrases and entities (NOT alone selects almost"
                + " everything): it needs something to require, as in 'heatwave AND NOT film'"),
        mistake(
            "1 | Missiles | missile OR NOT essai",
            "tracked.txt:1: the rule matches"
                + " articles that name none of its words, phrases and entities (NOT alone selects"
                + " almost everything): it needs something to require, as in 'heatwave AND NOT"
                + " film'"),
        // words and phrases that are no term
        mistake(
            "1 | Missiles | missile OR the",
            "tracked.txt:1: 'the' (column 27) is a stop word in en; leave it out, or write the"
                + " language it belongs to before it (fr:the) to analyse it in that language"
                + " only"),
        mistake(
            "1 | War | war",
            "tracked.txt:1: 'war' (column 11) is a stop word in de; leave"
                + " it out, or write the language it belongs to before it (en:war) to analyse it"
                + " in that language only"),
        mistake("1 | War | de:war", "tracked.txt:1: 'de:war' (column 11) is a stop word in de"),
        mistake(
            "1 | Missiles | missile AND \"les missiles\"",
            "tracked.txt:1: \"les missiles\""
                + " (column 28) starts or ends with a stop word in ca, es, fr; leave the stop word"
                + " out, or write the language the phrase belongs to before it"
                + " (en:\"les missiles\") to analyse it in that language only"),
        mistake(
            "1 | Letters | x OR y",
            "tracked.txt:1: 'x' (column 15) is a stop word in every language of the corpus"),
        mistake(
            "1 | Missiles | missile AND 2023",
            "tracked.txt:1: '2023' (column 28) gives no"
                + " term: numbers, symbols, punctuation and single letters are not terms"),
        mistake(
            "1 | Missiles | \"Hwasong 17\"",
            "tracked.txt:1: '17' in \"Hwasong 17\" (column"
                + " 16) is not part of any term (numbers, symbols and punctuation are left out of"
                + " terms, and a term does not run across punctuation)"),
        mistake(
            "1 | Missiles | missiles,",
            "tracked.txt:1: ',' in 'missiles,' (column 16) is"
                + " not part of any term (numbers, symbols and punctuation are left out of terms,"
                + " and a term does not run across punctuation)"),
        mistake(
            "1 | Sea | \"montée du niveau des mers\"",
            "tracked.txt:1: \"montée du niveau"
                + " des mers\" (column 11) has 5 words; terms are single words and phrases of 2 or"
                + " 3 words"),
        mistake(
            "1 | Missiles | \"corée du nord",
            "tracked.txt:1: the quote at column 16 is"
                + " never closed (a phrase stays on one line)"),
        mistake(
            "1 | Missiles | xx:missile",
            "tracked.txt:1: 'xx:' at column 16 is not an ISO 639-1 language code (en, fr, de,"
                + " ...)"),
        mistake(
            "1 | Missiles | fr: missile",
            "tracked.txt:1: 'fr:' at column 16 must be"
                + " followed by a word or a \"phrase\", without a space (fr:\"...\")"),
        // entities
        mistake(
            "1 | Kim | @",
            "tracked.txt:1: entity '@' at column 11: '@' must be followed by"
                + " an entity id (@kim-jong-un, @country:PRK)"),
        mistake(
            "1 | Kim | @Kim-Jong-Un",
            "tracked.txt:1: entity '@Kim-Jong-Un' at column 11:"
                + " ids of people, organisations and other names are lower-case words joined by '-'"
                + " (@kim-jong-un)"),
        mistake(
            "1 | Kim | @kim_jong_un",
            "tracked.txt:1: entity '@kim_jong_un' at column 11:"
                + " ids of people, organisations and other names are lower-case words joined by '-'"
                + " (@kim-jong-un)"),
        mistake(
            "1 | Korea | @country:prk",
            "tracked.txt:1: entity '@country:prk' at column 13:"
                + " country ids are ISO 3166 alpha-3 codes in capitals (@country:PRK)"),
        mistake(
            "1 | Korea | @city:Pyongyang",
            "tracked.txt:1: entity '@city:Pyongyang' at"
                + " column 13: city ids are GeoNames numbers (@city:1871859)"),
        mistake(
            "1 | Korea | @person:kim",
            "tracked.txt:1: entity '@person:kim' at column 13:"
                + " ids with a colon are country:, city: or region: ids"));
  }

  private static Arguments mistake(String file, String message) {
    return Arguments.of(file, message);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("mistakes")
  void oneMessageWithFileLineAndWhatIsWrong(String file, String message) {
    assertThatThrownBy(() -> TrackedTopics.parse("tracked.txt", file, REFERENCE))
        .isInstanceOf(TopicSyntaxException.class)
        .hasMessage(message);
  }
}
