package org.gazette.generate;

import java.util.ArrayList;
import java.util.List;

/** A sentence or title with slots ({PER}, {W}, ...), parsed once into literal and slot parts. */
record Template(List<Part> parts) {

  /** What a slot is filled with. */
  enum Slot {
    PER,
    ROLE,
    ORG,
    LOC,
    W,
    NUM,
    DAY
  }

  /** A piece of text, or a slot when {@code slot} is set. */
  record Part(String text, Slot slot) {}

  static Template parse(String line) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      int open = line.indexOf('{', i);
      if (open < 0) {
        parts.add(new Part(line.substring(i), null));
        break;
      }
      int close = line.indexOf('}', open);
      if (close < 0) {
        throw new IllegalStateException("unclosed slot in: " + line);
      }
      if (open > i) {
        parts.add(new Part(line.substring(i, open), null));
      }
      Slot slot;
      try {
        slot = Slot.valueOf(line.substring(open + 1, close));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "unknown slot " + line.substring(open, close + 1) + " in: " + line, e);
      }
      parts.add(new Part(null, slot));
      i = close + 1;
    }
    return new Template(List.copyOf(parts));
  }

  boolean has(Slot slot) {
    for (Part p : parts) {
      if (p.slot() == slot) {
        return true;
      }
    }
    return false;
  }
}
