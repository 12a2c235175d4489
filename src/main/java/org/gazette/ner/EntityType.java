package org.gazette.ner;

/**
 * The four CoNLL entity types: person, organisation, location, miscellaneous (events, works,
 * nationalities…).
 */
public enum EntityType {
  PER,
  ORG,
  LOC,
  MISC;

  private static final EntityType[] VALUES = values();

  /** The type of a CoNLL label suffix ({@code PER}, {@code ORG}, {@code LOC}, {@code MISC}). */
  public static EntityType parse(String name) {
    for (EntityType t : VALUES) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown entity type '" + name + "' (expected PER, ORG, LOC or MISC)");
  }

  static EntityType of(int ordinal) {
    return VALUES[ordinal];
  }
}
