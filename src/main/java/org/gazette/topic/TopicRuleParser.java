package org.gazette.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gazette.text.LanguageCodes;

/**
 * Reads a rule into a {@link TopicRule}: a lexer for words, "quoted phrases", {@code @ids},
 * parentheses and the operators, then recursive descent with NOT binding tighter than AND, and AND
 * tighter than OR.
 *
 * <p>Two operands side by side are an error rather than an implied AND (or OR): "missile nucléaire"
 * could mean the phrase, both words or either word, and a rule file is read by people who have to
 * agree on what it tracks. Not thread-safe: one per file.
 */
final class TopicRuleParser {

  /** Part of a rule's text: where it starts in the file (1-based line and column). */
  record Fragment(int line, int column, String text) {}

  private enum Kind {
    OPEN,
    CLOSE,
    AND,
    OR,
    NOT,
    WORD,
    PHRASE,
    ENTITY,
    END
  }

  /** A token; {@code language} is the ISO 639-1 prefix of a word or phrase, else null. */
  private record Token(Kind kind, String text, String language, int line, int column) {

    Token(Kind kind, String text, int line, int column) {
      this(kind, text, null, line, column);
    }

    boolean isOperator() {
      return kind == Kind.AND || kind == Kind.OR || kind == Kind.NOT;
    }

    /** The token as an error message names it, with its place. */
    String where() {
      String prefix = language == null ? "" : language + ":";
      String what =
          switch (kind) {
            case OPEN -> "'('";
            case CLOSE -> "')'";
            case AND, OR, NOT -> kind.name();
            case WORD -> "'" + prefix + text + "'";
            case PHRASE -> prefix + "\"" + text + "\"";
            case ENTITY -> "@" + text;
            case END -> "the end of the rule";
          };
      return kind == Kind.END ? what : what + " (column " + column + ")";
    }
  }

  /** Opening quotes and the closing quotes each accepts: ASCII, English, German, French. */
  private static final String OPENING_QUOTES = "\"\u201C\u201E\u00AB";

  private static final String[] CLOSING_QUOTES = {"\"", "\u201D", "\u201C\u201D", "\u00BB"};

  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");

  /** Operators of other query languages, written in capitals as operators are. */
  private static final Set<String> OTHER_OPERATORS =
      Set.of("XOR", "NOR", "NAND", "ANDNOT", "NEAR", "BUT", "EXCEPT", "WITHOUT");

  private final String source;
  private final LiteralAnalyzer literals;
  private List<Token> tokens;
  private int position;

  TopicRuleParser(String source, LiteralAnalyzer literals) {
    this.source = source;
    this.literals = literals;
  }

  /** Parses the rule made of {@code fragments}, joined as if by line breaks. */
  TopicRule parse(List<Fragment> fragments) {
    int firstLine = fragments.get(0).line();
    tokens = new ArrayList<>();
    for (Fragment fragment : fragments) {
      lex(fragment);
    }
    int lastLine =
        tokens.isEmpty()
            ? fragments.get(fragments.size() - 1).line()
            : tokens.get(tokens.size() - 1).line();
    tokens.add(new Token(Kind.END, "", lastLine, 0));
    position = 0;
    if (peek().kind() == Kind.END) {
      throw error(firstLine, "empty rule");
    }
    TopicRule.Node root = parseOr(null);
    Token next = peek();
    if (next.kind() != Kind.END) {
      throw next.kind() == Kind.CLOSE
          ? error(next, next.where() + " has no matching '('")
          : missingOperator(tokens.get(position - 1), next);
    }
    if (root.test(term -> false, id -> false)) {
      throw error(
          firstLine,
          "the rule matches articles that name none of its words, phrases"
              + " and entities (NOT alone selects almost everything): it needs something to"
              + " require, as in 'heatwave AND NOT film'");
    }
    return new TopicRule(root);
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    return tokens.get(position++);
  }

  /** {@code or := and (OR and)*}; {@code after} is the token before it, null at the start. */
  private TopicRule.Node parseOr(Token after) {
    List<TopicRule.Node> operands = new ArrayList<>();
    operands.add(parseAnd(after));
    while (peek().kind() == Kind.OR) {
      Token or = next();
      operands.add(parseAnd(or));
    }
    return operands.size() == 1 ? operands.get(0) : new TopicRule.Group(false, operands);
  }

  /** {@code and := unary (AND unary)*}. */
  private TopicRule.Node parseAnd(Token after) {
    List<TopicRule.Node> operands = new ArrayList<>();
    operands.add(parseUnary(after));
    while (peek().kind() == Kind.AND) {
      Token and = next();
      operands.add(parseUnary(and));
    }
    return operands.size() == 1 ? operands.get(0) : new TopicRule.Group(true, operands);
  }

  /** {@code unary := NOT unary | '(' or ')' | word | "phrase" | @id}. */
  private TopicRule.Node parseUnary(Token after) {
    Token token = next();
    switch (token.kind()) {
      case NOT:
        return new TopicRule.Not(parseUnary(token));
      case OPEN:
        {
          if (peek().kind() == Kind.CLOSE) {
            throw error(token, "empty parentheses at column " + token.column());
          }
          TopicRule.Node inner = parseOr(token);
          Token close = next();
          if (close.kind() == Kind.END) {
            throw error(token, token.where() + " is never closed");
          }
          if (close.kind() != Kind.CLOSE) {
            throw missingOperator(tokens.get(position - 2), close);
          }
          return inner;
        }
      case WORD:
      case PHRASE:
        return term(token);
      case ENTITY:
        return new TopicRule.Entity(token.text());
      default:
        throw misplaced(token, after);
    }
  }

  /** An operator, ')' or the end where a word, phrase, entity, NOT or '(' must stand. */
  private TopicSyntaxException misplaced(Token token, Token after) {
    boolean afterOperator = after != null && after.isOperator();
    if (token.kind() == Kind.END) {
      if (after == null) {
        return error(token, "empty rule");
      }
      return afterOperator
          ? error(after, after.where() + " has nothing after it")
          : error(after, after.where() + " is never closed"); // after '(': "(" alone
    }
    if (token.kind() == Kind.CLOSE) {
      return afterOperator
          ? error(after, after.where() + " has nothing after it")
          : error(token, token.where() + " has no matching '('");
    }
    // AND or OR
    return afterOperator
        ? error(
            token,
            token.where()
                + " follows "
                + where(after, token)
                + "; expected a word, a \"phrase\", an @entity, NOT or '('")
        : error(token, token.where() + " has nothing before it");
  }

  private TopicSyntaxException missingOperator(Token left, Token right) {
    String hint =
        left.kind() == Kind.WORD && right.kind() == Kind.WORD
            ? ", or quote a phrase (\"" + left.text() + " " + right.text() + "\")"
            : "";
    return error(
        right,
        "missing operator between "
            + where(left, right)
            + " and "
            + right.where()
            + ": write AND or OR between them"
            + hint);
  }

  /** {@link Token#where()}, with its line too when the error is reported on another line. */
  private static String where(Token token, Token reportedAt) {
    return token.line() == reportedAt.line()
        ? token.where()
        : token.where().replace(" (column ", " (line " + token.line() + ", column ");
  }

  private TopicRule.Node term(Token token) {
    try {
      return new TopicRule.Term(
          literals.forms(token.text(), token.language(), token.where()),
          token.language(),
          token.kind() == Kind.PHRASE);
    } catch (LiteralAnalyzer.Rejected e) {
      throw error(token, e.getMessage());
    }
  }

  private void lex(Fragment fragment) {
    String text = fragment.text();
    int line = fragment.line();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int column = fragment.column() + i;
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
      } else if (c == '#') {
        return; // a comment runs to the end of the line
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, "", line, column));
        i++;
      } else if (OPENING_QUOTES.indexOf(c) >= 0) {
        i = phrase(text, i, null, line, column, column);
      } else {
        int end = i;
        while (end < n && !endsWord(text.charAt(end))) {
          end++;
        }
        String word = text.substring(i, end);
        String language = languagePrefix(word, line, column);
        if (language == null) {
          tokens.add(word(word, line, column));
          i = end;
        } else if (word.length() > language.length() + 1) {
          tokens.add(
              new Token(Kind.WORD, word.substring(language.length() + 1), language, line, column));
          i = end;
        } else if (end < n && OPENING_QUOTES.indexOf(text.charAt(end)) >= 0) {
          i = phrase(text, end, language, line, column, column + end - i);
        } else {
          throw error(
              line,
              "'"
                  + word
                  + "' at column "
                  + column
                  + " must be followed by a"
                  + " word or a \"phrase\", without a space ("
                  + language
                  + ":\"...\")");
        }
      }
    }
  }

  /**
   * Lexes the phrase whose opening quote is at {@code i} (column {@code quoteColumn}) into a token
   * at {@code column}; returns the index after the closing quote.
   */
  private int phrase(String text, int i, String language, int line, int column, int quoteColumn) {
    String closing = CLOSING_QUOTES[OPENING_QUOTES.indexOf(text.charAt(i))];
    int end = i + 1;
    while (end < text.length() && closing.indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end == text.length()) {
      throw error(
          line,
          "the quote at column " + quoteColumn + " is never closed (a phrase stays on one line)");
    }
    String phrase = text.substring(i + 1, end).strip();
    if (phrase.isEmpty()) {
      throw error(line, "empty phrase at column " + quoteColumn);
    }
    tokens.add(new Token(Kind.PHRASE, phrase, language, line, column));
    return end + 1;
  }

  /**
   * The language of a {@code fr:word} or {@code fr:"phrase"} prefix, or null when the word has
   * none; an entity id's colon ({@code @country:PRK}) is not a prefix.
   */
  private String languagePrefix(String word, int line, int column) {
    int colon = word.indexOf(':');
    if (colon < 2 || colon > 3 || word.startsWith("@")) {
      return null;
    }
    String code = word.substring(0, colon);
    if (!code.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
      return null;
    }
    if (!code.equals(LanguageCodes.normalize(code))) {
      throw error(
          line,
          "'"
              + code
              + ":' at column "
              + column
              + " is not an ISO 639-1"
              + " language code (en, fr, de, ...)");
    }
    return code;
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '('
        || c == ')'
        || c == '#'
        || OPENING_QUOTES.indexOf(c) >= 0;
  }

  private Token word(String word, int line, int column) {
    switch (word) {
      case "AND":
        return new Token(Kind.AND, word, line, column);
      case "OR":
        return new Token(Kind.OR, word, line, column);
      case "NOT":
        return new Token(Kind.NOT, word, line, column);
      default:
        break;
    }
    if (word.startsWith("@")) {
      return new Token(Kind.ENTITY, entityId(word.substring(1), line, column), line, column);
    }
    if (OPERATORS.contains(word.toUpperCase(Locale.ROOT))) {
      throw error(
          line,
          "'"
              + word
              + "' at column "
              + column
              + " is not an operator:"
              + " operators are written in capitals (AND, OR, NOT)");
    }
    if (OTHER_OPERATORS.contains(word)) {
      throw error(
          line,
          "unknown operator '"
              + word
              + "' at column "
              + column
              + ": operators are AND, OR, NOT, with parentheses");
    }
    String operator = unknownOperator(word);
    if (operator != null) {
      String instead =
          switch (operator) {
            case "&", "&&", "+" -> "AND";
            case "|", "||", "," -> "OR";
            default -> "NOT";
          };
      throw error(
          line,
          "unknown operator '"
              + operator
              + "' at column "
              + column
              + ": write "
              + instead
              + " (operators are AND, OR, NOT, in capitals)");
    }
    return new Token(Kind.WORD, word, line, column);
  }

  /** The operator of another query language that {@code word} is or starts with, or null. */
  private static String unknownOperator(String word) {
    for (String operator : new String[] {"&&", "||", "&", "|", "!", "-", "+", "~", ","}) {
      if (word.equals(operator)
          || (word.startsWith(operator)
              && !operator.equals(",")
              && word.length() > operator.length()
              && !isSymbol(word.charAt(operator.length())))) {
        return operator;
      }
    }
    return null;
  }

  private static boolean isSymbol(char c) {
    return "&|!-+~,".indexOf(c) >= 0;
  }

  /**
   * Checks an entity id's form, which must be that of the articles' {@code entity_ids}: a
   * lower-case slug ("kim-jong-un", also for names no reference list knows), or {@code
   * country:PRK}, {@code city:1871859}, {@code region:UKR:crimea}.
   */
  private String entityId(String id, int line, int column) {
    String problem = null;
    if (id.isEmpty()) {
      problem = "'@' must be followed by an entity id (@kim-jong-un, @country:PRK)";
    } else if (id.startsWith("country:")) {
      if (!id.matches("country:[A-Z]{3}")) {
        problem = "country ids are ISO 3166 alpha-3 codes in capitals (@country:PRK)";
      }
    } else if (id.startsWith("city:")) {
      if (!id.matches("city:[0-9]+")) {
        problem = "city ids are GeoNames numbers (@city:1871859)";
      }
    } else if (id.startsWith("region:")) {
      if (!id.matches("region:[A-Z]{3}:[a-z0-9-]+")) {
        problem = "region ids are region:<alpha-3>:<slug> (@region:UKR:crimea)";
      }
    } else if (id.indexOf(':') >= 0) {
      problem = "ids with a colon are country:, city: or region: ids";
    } else if (!isSlug(id)) {
      problem =
          "ids of people, organisations and other names are lower-case words joined by"
              + " '-' (@"
              + suggestSlug(id)
              + ")";
    }
    if (problem != null) {
      throw error(line, "entity '@" + id + "' at column " + column + ": " + problem);
    }
    return id;
  }

  private static boolean isSlug(String id) {
    if (id.startsWith("-")
        || id.endsWith("-")
        || id.contains("--")
        || !id.equals(id.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return id.codePoints().allMatch(c -> c == '-' || Character.isLetterOrDigit(c));
  }

  private static String suggestSlug(String id) {
    String slug =
        id.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "kim-jong-un" : slug;
  }

  private TopicSyntaxException error(Token token, String problem) {
    return error(token.line(), problem);
  }

  private TopicSyntaxException error(int line, String problem) {
    return new TopicSyntaxException(source, line, problem);
  }
}
