package org.gazette.generate;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a synthetic corpus as Parquet in the input schema, every column a string as a JSON export
 * would have it, with {@code _truth.json} beside the data files. Each task generates its own range
 * of rows, so that a million articles take minutes and little memory.
 */
public final class CorpusWriter {

  /** Rows per Parquet file. */
  static final long ROWS_PER_PARTITION = 50_000;

  public static final StructType SCHEMA =
      DataTypes.createStructType(
          new StructField[] {
            createStructField("id", StringType, true),
            createStructField("published_at", StringType, true),
            createStructField("source", StringType, true),
            createStructField("url", StringType, true),
            createStructField("language", StringType, true),
            createStructField("title", StringType, true),
            createStructField("body", StringType, true),
          });

  private CorpusWriter() {}

  /** The corpus of {@code spec} as a Dataset, generated lazily by Spark's tasks. */
  public static Dataset<Row> corpus(SparkSession spark, CorpusSpec spec) {
    int partitions =
        (int) Math.max(1, (spec.articles() + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION);
    return spark
        .range(0, spec.articles(), 1, partitions)
        .mapPartitions(new Generate(spec), Encoders.row(SCHEMA));
  }

  /** Writes the corpus of {@code spec} to {@code output}. */
  public static void write(SparkSession spark, CorpusSpec spec, String output, boolean overwrite) {
    corpus(spark, spec)
        .write()
        .mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
        .parquet(output);
    Path truth = new Path(output, "_truth.json");
    try {
      FileSystem fs = truth.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(truth, true)) {
        out.write(new ArticleGenerator(spec).truthJson().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + truth, e);
    }
  }

  private static final class Generate implements MapPartitionsFunction<Long, Row> {
    private static final long serialVersionUID = 1L;
    private final CorpusSpec spec;

    Generate(CorpusSpec spec) {
      this.spec = spec;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> indexes) {
      ArticleGenerator generator = new ArticleGenerator(spec);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return indexes.hasNext();
        }

        @Override
        public Row next() {
          ArticleGenerator.Article a = generator.generate(indexes.next());
          return RowFactory.create(
              a.id(), a.publishedAt(), a.source(), a.url(), a.language(), a.title(), a.body());
        }
      };
    }
  }
}
