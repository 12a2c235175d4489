package org.gazette.spark.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamException;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.gazette.UsageException;
import org.gazette.Version;
import org.gazette.entity.GraphWriter;
import org.gazette.spark.DateRange;
import org.gazette.spark.tables.CooccurrenceGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code graph}: the entity co-occurrence graph of a range of dates, read from the tables of
 * nightly and written as GEXF or GraphML for Gephi. It reads the output and writes one file beside
 * it: no table changes, so it takes no lock.
 */
public final class GraphJob {

  private static final Logger LOG = LoggerFactory.getLogger(GraphJob.class);

  private GraphJob() {}

  /**
   * Writes the graph of {@code settings} from the tables in {@code output} to {@code file}, or to
   * {@code output/graph-FROM-TO.EXT} when it is null.
   */
  public static void write(
      SparkSession session,
      String output,
      CooccurrenceGraph.Settings settings,
      GraphWriter.Format fileFormat,
      String file) {
    long began = System.nanoTime();
    describe(session, "read the entity tables of " + output);
    CooccurrenceGraph.Tables tables = CooccurrenceGraph.read(session, output);
    CooccurrenceGraph.Coverage coverage =
        CooccurrenceGraph.coverage(tables.corpusStats(), settings.range());
    if (coverage.articles() == 0) {
      throw new UsageException(emptyRange(tables, settings.range()));
    }
    LocalDate first = settings.range().isAll() ? coverage.first() : settings.range().from();
    LocalDate last = settings.range().isAll() ? coverage.last() : settings.range().to();
    String target = file != null ? file : defaultFile(output, first, last, fileFormat);

    describe(session, "sum entity pairs of " + settings.range());
    String typeList = String.join(",", new TreeSet<>(settings.types()));
    Dataset<Row> pairs =
        CooccurrenceGraph.pairs(tables, settings, coverage.articles())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> edges = null;
    try {
      long candidates = pairs.count();
      edges =
          CooccurrenceGraph.strongest(pairs, settings.maxEdges())
              .persist(StorageLevel.MEMORY_AND_DISK());
      // Bounded: at most --max-edges edges and twice as many nodes reach the driver.
      List<GraphWriter.Edge> edgeList = CooccurrenceGraph.toEdges(edges.collectAsList());
      describe(session, "name the entities of the graph");
      List<GraphWriter.Node> nodeList =
          CooccurrenceGraph.toNodes(
              CooccurrenceGraph.nodes(tables, edges, settings.range()).collectAsList());
      LOG.info(
          "{} articles from {} to {}: {} pairs in at least {} articles{}, kept {} edges "
              + "and {} entities",
          fmt(coverage.articles()),
          first,
          last,
          fmt(candidates),
          settings.minDocs(),
          typeList.isEmpty() ? "" : " of types " + typeList,
          fmt(edgeList.size()),
          fmt(nodeList.size()));
      if (edgeList.isEmpty()) {
        LOG.warn(
            "no pair of entities is named together in {} articles from {} to {}: the "
                + "graph is empty (lower --min-docs?)",
            settings.minDocs(),
            first,
            last);
      }
      String description =
          String.format(
              Locale.ROOT,
              "Entities named together in at least %d "
                  + "of the %,d articles from %s to %s%s: %s. Edge weight: articles naming both.",
              settings.minDocs(),
              coverage.articles(),
              first,
              last,
              typeList.isEmpty() ? "" : " (" + typeList.replace(",", ", ") + ")",
              edgeList.size() < candidates
                  ? String.format(
                      Locale.ROOT,
                      "the %,d of highest llr of %,d pairs",
                      edgeList.size(),
                      candidates)
                  : String.format(Locale.ROOT, "%,d pairs", edgeList.size()));
      GraphWriter.Graph graph =
          new GraphWriter.Graph(description, LocalDate.now(ZoneOffset.UTC), nodeList, edgeList);
      writeFile(session, graph, fileFormat, target);
      LOG.info(
          "wrote {} ({} nodes, {} edges) in {}",
          target,
          fmt(nodeList.size()),
          fmt(edgeList.size()),
          String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - began) / 1e9));
    } finally {
      if (edges != null) {
        edges.unpersist();
      }
      pairs.unpersist();
      session.sparkContext().setJobDescription(null);
    }
  }

  /** {@code FOLDER/graph-FROM-TO.EXT}, or {@code graph-DAY.EXT} for one day. */
  public static String defaultFile(
      String folder, LocalDate first, LocalDate last, GraphWriter.Format format) {
    String dates = first.equals(last) ? first.toString() : first + "-" + last;
    return new Path(folder, "graph-" + dates + "." + format.extension()).toString();
  }

  private static String emptyRange(CooccurrenceGraph.Tables tables, DateRange range) {
    CooccurrenceGraph.Coverage all =
        CooccurrenceGraph.coverage(tables.corpusStats(), DateRange.ALL);
    String held =
        all.articles() == 0
            ? "its tables hold no articles"
            : "its tables hold " + all.first() + " to " + all.last();
    return (range.isAll()
            ? "no articles in the tables"
            : "no articles from " + range.from() + " to " + range.to())
        + " ("
        + held
        + ")";
  }

  /**
   * Writes through Hadoop's file system, so that the file may go next to tables on HDFS or S3; into
   * a temporary file first, renamed when whole.
   */
  private static void writeFile(
      SparkSession session, GraphWriter.Graph graph, GraphWriter.Format format, String target) {
    try {
      FileSystem fs = new Path(target).getFileSystem(session.sparkContext().hadoopConfiguration());
      Path path = fs.makeQualified(new Path(target));
      if (fs instanceof ChecksumFileSystem checksummed) {
        // No .crc file beside a file meant for Gephi.
        fs = checksummed.getRawFileSystem();
      }
      Path partial = new Path(path.getParent(), "." + path.getName() + ".partial");
      try (OutputStream out = fs.create(partial, true)) {
        GraphWriter.write(graph, format, "Gazette " + Version.get(), out);
      } catch (XMLStreamException e) {
        throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
      }
      if (fs.exists(path)) {
        fs.delete(path, false);
      }
      if (!fs.rename(partial, path)) {
        throw new IOException("cannot rename " + partial + " to " + path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static void describe(SparkSession session, String what) {
    session.sparkContext().setJobDescription(what);
  }

  private static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
