package org.gazette.cli;

import java.util.Optional;
import org.gazette.spark.job.EntityStage;
import picocli.CommandLine.Option;

/** Whether and how the night finds entities and pairs them. */
public final class EntityOptions {

  @Option(
      names = "--entities",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "find named entities and write the entity tables (default: ${DEFAULT-VALUE}; "
              + "--no-entities: terms only, articles.entity_ids left empty)")
  boolean entities;

  @Option(
      names = "--pair-entities",
      defaultValue = "15",
      paramLabel = "N",
      description =
          "pair only an article's this many most mentioned entities in "
              + "entity_cooccurrence: at most n(n-1)/2 pairs an article; the pairs left out are "
              + "counted in corpus_stats.pairs_dropped (default: ${DEFAULT-VALUE})")
  int pairEntities;

  @Option(
      names = "--min-pair-docs",
      defaultValue = "2",
      paramLabel = "N",
      description =
          "keep a pair of entities only if that many articles of the day name both "
              + "(default: ${DEFAULT-VALUE})")
  int minPairDocs;

  /** The entity stage, checked; empty with {@code --no-entities}. */
  public Optional<EntityStage> stage(ReferenceOption reference) {
    EntityStage.Settings settings =
        new EntityStage.Settings(reference.knownEntities(), pairEntities, minPairDocs);
    return entities ? Optional.of(new EntityStage(settings)) : Optional.empty();
  }
}
