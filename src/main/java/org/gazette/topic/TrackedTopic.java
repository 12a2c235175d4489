package org.gazette.topic;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * One topic a user tracks: a stable id (what tables store; renaming a topic keeps it), a name to
 * show, and the rule that says which articles belong to it.
 */
public record TrackedTopic(int id, String name, TopicRule rule) implements Serializable {

  private static final long serialVersionUID = 1L;

  public TrackedTopic {
    if (id <= 0) {
      throw new IllegalArgumentException("topic id must be positive, was " + id);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic " + id + " needs a name");
    }
    if (rule == null) {
      throw new IllegalArgumentException("topic " + id + " needs a rule");
    }
  }

  /** See {@link TopicRule#matches(Set, Set)}. */
  public boolean matches(Set<String> terms, Set<String> entityIds) {
    return rule.matches(terms, entityIds);
  }

  /** The words, phrases and {@code @entities} the rule names; see {@link TopicRule#literals}. */
  public List<String> literals() {
    return rule.literals();
  }
}
