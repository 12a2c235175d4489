package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * Sums the packed partial term counts of {@link Annotated#TERMS} rows into one row per date,
 * language and term. The packs are split by a hash of the term into {@link #BUCKETS} buckets,
 * shuffled whole, and merged in a Java map per (date, language, bucket): tens of millions of
 * partial counts never become rows of their own, which is what costs Spark's explode and aggregate
 * most.
 */
public final class TermSums {

  /** Sub-packs per (date, language): the parallelism of summing one day of one language. */
  static final int BUCKETS = 16;

  static final StructType PACK =
      createStructType(
          new StructField[] {
            createStructField("date", DateType, false),
            createStructField("language", StringType, false),
            createStructField("bucket", IntegerType, false),
            createStructField("terms", createArrayType(StringType, false), false),
            createStructField("term_words", createArrayType(IntegerType, false), false),
            createStructField("term_counts", createArrayType(LongType, false), false),
            createStructField("term_docs", createArrayType(LongType, false), false),
          });

  static final StructType SUM =
      createStructType(
          new StructField[] {
            createStructField("date", DateType, false),
            createStructField("language", StringType, false),
            createStructField("term", StringType, false),
            createStructField("n", IntegerType, false),
            createStructField("count", LongType, false),
            createStructField("doc_count", LongType, false),
          });

  private TermSums() {}

  /**
   * The sums of {@code packs} (rows with {@code date, language, terms, term_words, term_counts,
   * term_docs}): terms whose count sums to zero are left out, and so are phrases found in fewer
   * than {@code minPhraseDocs} articles of the day.
   */
  public static Dataset<Row> sum(Dataset<Row> packs, int minPhraseDocs) {
    return packs
        .select("date", "language", "terms", "term_words", "term_counts", "term_docs")
        .flatMap(new Split(), Encoders.row(PACK))
        .repartition(col("date"), col("language"), col("bucket"))
        .sortWithinPartitions("date", "language", "bucket")
        .mapPartitions(new Merge(minPhraseDocs), Encoders.row(SUM));
  }

  /** Splits a pack into one pack per bucket of its terms. */
  private static final class Split implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Row pack) {
      List<String> terms = pack.getList(2);
      List<Integer> words = pack.getList(3);
      List<Long> counts = pack.getList(4);
      List<Long> docs = pack.getList(5);
      int[] sizes = new int[BUCKETS];
      int[] bucketOf = new int[terms.size()];
      for (int i = 0; i < terms.size(); i++) {
        bucketOf[i] = Math.floorMod(terms.get(i).hashCode(), BUCKETS);
        sizes[bucketOf[i]]++;
      }
      List<Row> out = new ArrayList<>(BUCKETS);
      for (int b = 0; b < BUCKETS; b++) {
        if (sizes[b] == 0) {
          continue;
        }
        String[] t = new String[sizes[b]];
        int[] w = new int[sizes[b]];
        long[] c = new long[sizes[b]];
        long[] d = new long[sizes[b]];
        int k = 0;
        for (int i = 0; i < bucketOf.length; i++) {
          if (bucketOf[i] == b) {
            t[k] = terms.get(i);
            w[k] = words.get(i);
            c[k] = counts.get(i);
            d[k] = docs.get(i);
            k++;
          }
        }
        out.add(
            RowFactory.create(
                pack.get(0),
                pack.getString(1),
                b,
                ArraySeq.unsafeWrapArray(t),
                ArraySeq.unsafeWrapArray(w),
                ArraySeq.unsafeWrapArray(c),
                ArraySeq.unsafeWrapArray(d)));
      }
      return out.iterator();
    }
  }

  /** Merges consecutive packs of one (date, language, bucket) and yields their sums. */
  private static final class Merge implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int minPhraseDocs;

    Merge(int minPhraseDocs) {
      this.minPhraseDocs = minPhraseDocs;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> packs) {
      return new Iterator<>() {
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private final Map<String, long[]> sums = new HashMap<>();
        private Row pending;

        @Override
        public boolean hasNext() {
          while (ready.isEmpty() && (pending != null || packs.hasNext())) {
            mergeGroup();
          }
          return !ready.isEmpty();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return ready.poll();
        }

        /** Reads the packs of the next group and queues its sums. */
        private void mergeGroup() {
          Row first = pending != null ? pending : packs.next();
          pending = null;
          sums.clear();
          Row pack = first;
          while (true) {
            add(pack);
            if (!packs.hasNext()) {
              break;
            }
            Row next = packs.next();
            if (!sameGroup(first, next)) {
              pending = next;
              break;
            }
            pack = next;
          }
          for (Map.Entry<String, long[]> e : sums.entrySet()) {
            long[] s = e.getValue();
            int words = (int) s[2];
            if (s[0] > 0 && (words == 1 || s[1] >= minPhraseDocs)) {
              ready.add(
                  RowFactory.create(
                      first.get(0), first.getString(1), e.getKey(), words, s[0], s[1]));
            }
          }
        }

        private void add(Row pack) {
          List<String> terms = pack.getList(3);
          List<Integer> words = pack.getList(4);
          List<Long> counts = pack.getList(5);
          List<Long> docs = pack.getList(6);
          for (int i = 0; i < terms.size(); i++) {
            long[] s = sums.computeIfAbsent(terms.get(i), k -> new long[3]);
            s[0] += counts.get(i);
            s[1] += docs.get(i);
            s[2] = words.get(i);
          }
        }

        private boolean sameGroup(Row a, Row b) {
          return a.getInt(2) == b.getInt(2)
              && a.get(0).equals(b.get(0))
              && a.getString(1).equals(b.getString(1));
        }
      };
    }
  }
}
