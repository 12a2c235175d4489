package org.gazette.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.entity.GraphWriter;
import org.gazette.ner.EntityType;
import org.gazette.spark.DateRange;
import org.gazette.spark.job.GraphJob;
import org.gazette.spark.tables.CooccurrenceGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gazette graph}: the entity co-occurrence graph of a range of dates, for Gephi. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Write the entity co-occurrence graph of a range of dates as GEXF 1.3 or GraphML, for",
      "Gephi: entities as nodes (type, mentions, articles), pairs named together as edges",
      "weighted by their articles, with npmi and llr over the range. Reads the tables of",
      "nightly. Without date options: every date."
    })
public final class GraphCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(GraphCommand.class);

  @Option(
      names = "--output",
      defaultValue = "out",
      paramLabel = "FOLDER",
      description = "folder of the tables nightly wrote (default: ${DEFAULT-VALUE})")
  String output;

  @Mixin DateOptions dates;

  @Option(
      names = "--format",
      paramLabel = "gexf|graphml",
      description = "file format; default: from the extension of --file, else gexf")
  String format;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description = "file to write; default: FOLDER/graph-FROM-TO.gexf (or .graphml)")
  String file;

  @Option(
      names = "--min-docs",
      defaultValue = "2",
      paramLabel = "N",
      description =
          "keep a pair only if that many articles of the range name both "
              + "(default: ${DEFAULT-VALUE})")
  int minDocs;

  @Option(
      names = "--max-edges",
      defaultValue = "5000",
      paramLabel = "N",
      description =
          "keep the N pairs of highest llr; the nodes are their entities "
              + "(default: ${DEFAULT-VALUE})")
  int maxEdges;

  @Option(
      names = "--types",
      split = ",",
      paramLabel = "TYPE",
      description =
          "keep only pairs of entities of these types: PER, ORG, LOC, MISC " + "(default: all)")
  List<String> types = new ArrayList<>();

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    DateRange range = dates.range();
    if (file != null) {
      PathChecks.creatable("--file", file);
    }
    GraphWriter.Format fileFormat = format(format, file);
    if (minDocs < 1) {
      throw new UsageException("--min-docs must be at least 1, was " + minDocs);
    }
    if (maxEdges < 1) {
      throw new UsageException("--max-edges must be at least 1, was " + maxEdges);
    }
    CooccurrenceGraph.Settings settings =
        new CooccurrenceGraph.Settings(range, minDocs, maxEdges, parseTypes(types));
    SparkSession session = spark.session("graph");
    try {
      GraphJob.write(session, output, settings, fileFormat, file);
      return 0;
    } finally {
      session.stop();
    }
  }

  /** The format asked for, else the one of the file's extension, else GEXF. */
  static GraphWriter.Format format(String format, String file) {
    if (format != null) {
      return GraphWriter.Format.named(format)
          .orElseThrow(
              () -> new UsageException("--format " + format + ": expected gexf or graphml"));
    }
    return file == null
        ? GraphWriter.Format.GEXF
        : GraphWriter.Format.ofFileName(file).orElse(GraphWriter.Format.GEXF);
  }

  /** The types given, upper case, checked. */
  static Set<String> parseTypes(List<String> given) {
    Set<String> parsed = new LinkedHashSet<>();
    for (String t : given) {
      String type = t.strip().toUpperCase(Locale.ROOT);
      if (type.isEmpty()) {
        continue;
      }
      try {
        parsed.add(EntityType.parse(type).name());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--types " + t + ": expected PER, ORG, LOC or MISC");
      }
    }
    return parsed;
  }
}
