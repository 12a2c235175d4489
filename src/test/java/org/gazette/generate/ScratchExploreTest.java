package org.gazette.generate;

import java.time.*;
import java.util.*;
import java.util.regex.*;
import org.gazette.text.TextCleaner;
import org.junit.jupiter.api.Test;

class ScratchExploreTest {
  @Test
  void explore() {
    ArticleGenerator g = new ArticleGenerator(CorpusSpec.of(20000, 30, LocalDate.of(2023, 7, 1), 42));
    Content c = g.content();
    int checked = 0, repeatFull = 0, shortBefore = 0;
    for (int i = 0; i < 3000; i++) {
      var a = g.generate(i);
      if (a.kind() != ArticleGenerator.Kind.ORIGINAL) continue;
      String lang = null;
      for (String l : Content.LANGUAGES) if (a.url().contains("." + "x")) {}
      String body = TextCleaner.clean(a.body());
      // guess language from source
      for (String l : Content.LANGUAGES) if (c.languages.get(l).sources().contains(a.source())) lang = l;
      if (lang == null) continue;
      for (Content.Entity e : c.entities) {
        if (!e.type().equals("PER")) continue;
        String full = e.name(lang), s = e.shortName(lang);
        int f = body.indexOf(full);
        Matcher m = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(s) + "(?![\\p{L}])").matcher(body);
        int firstShort = m.find() ? m.start() : -1;
        if (f < 0 && firstShort < 0) continue;
        checked++;
        if (f < 0 || firstShort < f || firstShort >= f + full.length()) {
          shortBefore++;
          if (shortBefore < 8) System.out.println("SHORT BEFORE " + i + " " + lang + " " + full + " f=" + f + " s=" + firstShort + " :: " + body.substring(Math.max(0, firstShort - 80), Math.min(body.length(), firstShort + 40)));
        }
        if (f >= 0 && body.indexOf(full, f + 1) >= 0) {
          repeatFull++;
          if (repeatFull < 4) System.out.println("REPEAT " + i + " " + full);
        }
      }
    }
    System.out.println("checked " + checked + " repeatFull " + repeatFull + " shortBefore " + shortBefore);
    CorpusPlan p = g.plan();
    System.out.println(p.bursts());
    for (var b : p.bursts()) {
      for (int d = 0; d < 30; d++) System.out.printf("%.3f%s ", p.topicShare(d, b.topic()), b.covers(d) ? "*" : "");
      System.out.println();
    }
    System.out.println(g.truthJson());
  }
}
