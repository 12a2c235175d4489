package org.gazette.spark.job;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gazette.Check;
import org.gazette.entity.KnownEntities;
import org.gazette.spark.store.Table;
import org.gazette.spark.tables.EntityTables;

/**
 * The entity tables: {@code entities}, {@code entity_mentions}, {@code entity_cooccurrence}. With
 * this stage the annotation pass also finds each article's names and links them, and the night
 * merges the near-spellings of names before any table is written.
 */
public final class EntityStage implements Stage {

  /** The tables it writes, in order. */
  public static final List<Table> TABLES =
      List.of(Table.ENTITIES, Table.ENTITY_MENTIONS, Table.ENTITY_COOCCURRENCE);

  /**
   * @param known the entities of the reference data
   * @param pairLimit only an article's this many most mentioned entities are paired
   * @param minPairDocs a pair is kept only if that many articles of its day name both
   */
  public record Settings(KnownEntities known, int pairLimit, int minPairDocs) {

    public Settings {
      if (known == null) {
        throw new IllegalArgumentException("known entities are required");
      }
      Check.option(pairLimit >= 2, "--pair-entities", "at least 2", pairLimit);
      Check.option(minPairDocs >= 1, "--min-pair-docs", "at least 1", minPairDocs);
    }

    /** The bundled reference entities; 15 entities paired; pairs in 2 articles. */
    public static Settings defaults() {
      return new Settings(KnownEntities.bundled(), 15, 2);
    }

    public Settings withMinPairDocs(int n) {
      return new Settings(known, pairLimit, n);
    }

    public Settings withPairLimit(int n) {
      return new Settings(known, n, minPairDocs);
    }
  }

  private final Settings settings;

  public EntityStage(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "entities";
  }

  @Override
  public List<Table> tables() {
    return TABLES;
  }

  @Override
  public void run(Night night) {
    Pass pass = night.pass();
    Dataset<Row> mentions = pass.keep(EntityTables.mentions(night.originals()));
    Dataset<Row> entities =
        pass.keep(EntityTables.entities(mentions, night.current(Table.ENTITIES)));
    night.write(Table.ENTITIES, entities);
    night.write(Table.ENTITY_MENTIONS, EntityTables.entityMentions(mentions, entities));
    night.write(
        Table.ENTITY_COOCCURRENCE,
        EntityTables.entityCooccurrence(night.originals(), mentions, settings.minPairDocs()));
  }
}
