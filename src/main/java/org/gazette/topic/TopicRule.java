package org.gazette.topic;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.gazette.text.Reference;

/**
 * The rule of a tracked topic: words, "quoted phrases" and {@code @entity} ids combined with NOT,
 * AND, OR and parentheses (see {@code data/reference/topics/README.md}), tested against the terms
 * and entity ids of an article.
 *
 * <p>Words and phrases are held as the article terms they analyse to, so testing an article is a
 * few set look-ups and allocates nothing. Immutable, serialisable and thread-safe.
 */
public final class TopicRule implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Node root;

  TopicRule(Node root) {
    this.root = root;
  }

  /**
   * Parses one rule, with the words and phrases analysed as {@code reference} analyses articles; a
   * problem is reported as line 1 of "rule".
   *
   * @throws TopicSyntaxException when the rule cannot be read
   */
  public static TopicRule parse(String rule, Reference reference) {
    return new TopicRuleParser("rule", new LiteralAnalyzer(reference))
        .parse(List.of(new TopicRuleParser.Fragment(1, 1, rule)));
  }

  /**
   * Whether an article with these terms (words and phrases as the nightly job spells them:
   * "missiles", "corée du nord") and entity ids ("kim-jong-un", "country:PRK") matches.
   */
  public boolean matches(Set<String> terms, Set<String> entityIds) {
    return root.test(terms::contains, entityIds::contains);
  }

  /**
   * Whether an article matches whose terms and entity ids are those the predicates accept; the
   * predicates are asked only about the terms and ids the rule names.
   */
  public boolean matches(Predicate<? super String> terms, Predicate<? super String> entityIds) {
    return root.test(terms, entityIds);
  }

  /**
   * The words, phrases and entities the rule names, once each in the order written: terms in their
   * usual analysed form ("ukraine" for "L’Ukraine"), entities as {@code @id}.
   */
  public List<String> literals() {
    Set<String> literals = new LinkedHashSet<>();
    root.addLiterals(literals);
    return List.copyOf(literals);
  }

  /** Every term form the rule looks up ("ukraine" and "l'ukraine" for "L’Ukraine"). */
  void addTermForms(Collection<String> out) {
    root.addTermForms(out);
  }

  /**
   * The rule as parsed, with the parentheses precedence implies written out: {@code a OR b AND c}
   * reads {@code a OR (b AND c)}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    root.write(out, false);
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicRule r && toString().equals(r.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** A node of the rule's tree. */
  abstract static class Node implements Serializable {
    private static final long serialVersionUID = 1L;

    abstract boolean test(Predicate<? super String> terms, Predicate<? super String> entities);

    /** Writes the node; {@code nested}: inside an operator, so a group needs parentheses. */
    abstract void write(StringBuilder out, boolean nested);

    abstract void addLiterals(Collection<String> out);

    abstract void addTermForms(Collection<String> out);
  }

  /** A word or phrase: any of the forms it analyses to. */
  static final class Term extends Node {
    private static final long serialVersionUID = 1L;
    private final String[] forms;
    private final String language;
    private final boolean quoted;

    /** {@code language}: the one it was analysed in, null for every corpus language. */
    Term(List<String> forms, String language, boolean quoted) {
      this.forms = forms.toArray(new String[0]);
      this.language = language;
      this.quoted = quoted;
    }

    @Override
    boolean test(Predicate<? super String> terms, Predicate<? super String> entities) {
      for (String form : forms) {
        if (terms.test(form)) {
          return true;
        }
      }
      return false;
    }

    @Override
    void write(StringBuilder out, boolean nested) {
      if (language != null) {
        out.append(language).append(':');
      }
      out.append(quoted ? "\"" + forms[0] + "\"" : forms[0]);
    }

    @Override
    void addLiterals(Collection<String> out) {
      out.add(forms[0]);
    }

    @Override
    void addTermForms(Collection<String> out) {
      out.addAll(List.of(forms));
    }
  }

  /** An entity id, as the articles' {@code entity_ids} hold it. */
  static final class Entity extends Node {
    private static final long serialVersionUID = 1L;
    private final String id;

    Entity(String id) {
      this.id = id;
    }

    @Override
    boolean test(Predicate<? super String> terms, Predicate<? super String> entities) {
      return entities.test(id);
    }

    @Override
    void write(StringBuilder out, boolean nested) {
      out.append('@').append(id);
    }

    @Override
    void addLiterals(Collection<String> out) {
      out.add("@" + id);
    }

    @Override
    void addTermForms(Collection<String> out) {}
  }

  static final class Not extends Node {
    private static final long serialVersionUID = 1L;
    private final Node operand;

    Not(Node operand) {
      this.operand = operand;
    }

    @Override
    boolean test(Predicate<? super String> terms, Predicate<? super String> entities) {
      return !operand.test(terms, entities);
    }

    @Override
    void write(StringBuilder out, boolean nested) {
      out.append("NOT ");
      operand.write(out, true);
    }

    @Override
    void addLiterals(Collection<String> out) {
      operand.addLiterals(out);
    }

    @Override
    void addTermForms(Collection<String> out) {
      operand.addTermForms(out);
    }
  }

  /** AND ({@code all}) or OR over two or more operands, flattened: a AND b AND c is one node. */
  static final class Group extends Node {
    private static final long serialVersionUID = 1L;
    private final boolean all;
    private final Node[] operands;

    Group(boolean all, List<Node> operands) {
      List<Node> flat = new ArrayList<>();
      for (Node operand : operands) {
        if (operand instanceof Group g && g.all == all) {
          flat.addAll(List.of(g.operands));
        } else {
          flat.add(operand);
        }
      }
      this.all = all;
      this.operands = flat.toArray(new Node[0]);
    }

    @Override
    boolean test(Predicate<? super String> terms, Predicate<? super String> entities) {
      for (Node operand : operands) {
        if (operand.test(terms, entities) != all) {
          return !all;
        }
      }
      return all;
    }

    @Override
    void write(StringBuilder out, boolean nested) {
      if (nested) {
        out.append('(');
      }
      for (int i = 0; i < operands.length; i++) {
        if (i > 0) {
          out.append(all ? " AND " : " OR ");
        }
        operands[i].write(out, true);
      }
      if (nested) {
        out.append(')');
      }
    }

    @Override
    void addLiterals(Collection<String> out) {
      for (Node operand : operands) {
        operand.addLiterals(out);
      }
    }

    @Override
    void addTermForms(Collection<String> out) {
      for (Node operand : operands) {
        operand.addTermForms(out);
      }
    }
  }
}
