package org.gazette.generate;

import java.util.List;
import java.util.Locale;

/**
 * What a synthetic corpus was built to contain, as JSON: its spec, its topics with their most
 * frequent nouns, and its planted bursts with the term of each language. Evaluations compare
 * Gazette's findings with it.
 */
final class Truth {

  private Truth() {}

  static String json(ArticleGenerator generator) {
    CorpusPlan plan = generator.plan();
    CorpusSpec spec = plan.spec();
    Content content = generator.content();
    StringBuilder b = new StringBuilder(4096);
    b.append("{\n  \"articles\": ")
        .append(spec.articles())
        .append(",\n  \"days\": ")
        .append(spec.days())
        .append(",\n  \"start\": ")
        .append(quote(spec.start().toString()))
        .append(",\n  \"seed\": ")
        .append(spec.seed())
        .append(",\n  \"topics\": [");
    List<String> topics = Content.TOPICS;
    for (int k = 0; k < topics.size(); k++) {
      b.append(k == 0 ? "\n" : ",\n")
          .append("    {\"name\": ")
          .append(quote(topics.get(k)))
          .append(", \"nouns\": {");
      boolean first = true;
      for (String language : Content.LANGUAGES) {
        List<String> nouns = content.languages.get(language).topics().get(topics.get(k)).nouns();
        b.append(first ? "" : ", ").append(quote(language)).append(": [");
        for (int i = 0; i < Math.min(10, nouns.size()); i++) {
          b.append(i == 0 ? "" : ", ").append(quote(nouns.get(i)));
        }
        b.append(']');
        first = false;
      }
      b.append("}}");
    }
    b.append("\n  ],\n  \"bursts\": [");
    List<CorpusPlan.Burst> bursts = plan.bursts();
    for (int i = 0; i < bursts.size(); i++) {
      CorpusPlan.Burst burst = bursts.get(i);
      String topic = topics.get(burst.topic());
      b.append(i == 0 ? "\n" : ",\n")
          .append("    {\"from\": ")
          .append(quote(spec.start().plusDays(burst.startDay()).toString()))
          .append(", \"to\": ")
          .append(quote(spec.start().plusDays(burst.startDay() + burst.length() - 1).toString()))
          .append(", \"topic\": ")
          .append(quote(topic))
          .append(", \"kind\": ")
          .append(quote(burst.entity() >= 0 ? "entity" : "noun"))
          .append(", \"term\": {");
      boolean first = true;
      for (String language : Content.LANGUAGES) {
        String term = generator.burstTerm(burst, language);
        b.append(first ? "" : ", ").append(quote(language)).append(": ").append(quote(term));
        first = false;
      }
      b.append("}}");
    }
    b.append("\n  ]\n}\n");
    return b.toString();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
