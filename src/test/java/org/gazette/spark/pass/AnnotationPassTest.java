package org.gazette.spark.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gazette.spark.input.Triage;
import org.junit.jupiter.api.Test;

/**
 * The pieces of the annotation pass that meet input rows with decisions taken elsewhere, in plain
 * Java: fingerprints, the decisions of a partition, the partitioner that sends them.
 */
class AnnotationPassTest {

  /** Judged input rows, as {@link AnnotationPass#judged} gives them. */
  private static final StructType JUDGED =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("published_at", DataTypes.TimestampType)
          .add("title", DataTypes.StringType)
          .add("body", DataTypes.StringType)
          .add("input_file", DataTypes.LongType)
          .add("input_row", DataTypes.LongType)
          .add("reason", DataTypes.StringType)
          .add("part", DataTypes.IntegerType);

  private static final Instant AT = Instant.parse("2023-08-01T06:00:00Z");

  private static Row judged(String id, String title, String body, long row, String reason) {
    return new GenericRowWithSchema(new Object[] {id, AT, title, body, 7L, row, reason, 3}, JUDGED);
  }

  private static List<Row> fingerprints(Row... rows) throws Exception {
    List<Row> out = new ArrayList<>();
    new Fingerprint().call(List.of(rows).iterator()).forEachRemaining(out::add);
    return out;
  }

  @Test
  void aFingerprintIsTheKeyAndTheHashOfTheCleanedText() throws Exception {
    List<Row> keys =
        fingerprints(
            judged("a", "Poutine et Kim", "<p>L&rsquo;Agence centrale</p>", 0, null),
            judged("b", "Poutine et Kim", "L’Agence centrale", 1, null));

    long[] hash = Annotation.contentHash("Poutine et Kim", "L’Agence centrale");
    assertThat(keys)
        .containsExactly(
            RowFactory.create(3, 7L, 0L, "a", AT, hash[0], hash[1]),
            RowFactory.create(3, 7L, 1L, "b", AT, hash[0], hash[1]));
  }

  @Test
  void rowsTheAnnotationRejectsHaveNoFingerprint() throws Exception {
    // Judged unusable, or nothing left once the markup is gone: the annotation rejects both,
    // so no decision may be taken on them.
    assertThat(
            fingerprints(
                judged("a", null, null, 0, Triage.NO_TEXT),
                judged("b", " ", "<div><br/></div>", 1, null)))
        .isEmpty();
    assertThat(Annotation.Cleaned.of(null, " ", "<div><br/></div>").reason())
        .isEqualTo(Triage.NO_TEXT_AFTER_CLEANING);
  }

  private static Row decision(
      int part, long file, long row, boolean collapsed, int repeats, String duplicateOf) {
    return RowFactory.create(part, file, row, collapsed, repeats, duplicateOf);
  }

  @Test
  void aPartitionMeetsItsRowsDecisionsByWhereTheyWereRead() {
    Annotation.Decisions decisions =
        Annotation.Decisions.of(
            List.of(decision(3, 7, 0, false, 1, null), decision(3, 7, 5, false, 0, "a"))
                .iterator());

    assertThat(decisions.of(3, 7, 0).getInt(4)).isEqualTo(1);
    assertThat(decisions.of(3, 7, 1)).isNull();
    assertThat(decisions.of(3, 7, 5).getString(5)).isEqualTo("a");
    decisions.checkAllMet();
  }

  @Test
  void decisionsThatMeetAnotherPartitionOrNoRowFailTheTask() {
    Annotation.Decisions decisions =
        Annotation.Decisions.of(
            List.of(decision(3, 7, 0, false, 1, null), decision(3, 7, 5, false, 0, "a"))
                .iterator());

    assertThatThrownBy(() -> decisions.of(4, 7, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a row of partition 4 met the decisions of 3");
    decisions.of(3, 7, 0);
    assertThatThrownBy(decisions::checkAllMet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 of the 2 decisions on partition 3 met no row");
    // Without decisions, any row passes: most partitions have none.
    Iterator<Row> none = List.<Row>of().iterator();
    assertThat(Annotation.Decisions.of(none).of(9, 1, 1)).isNull();
  }

  @Test
  void decisionsGoToThePartitionTheyName() {
    AnnotationPass.ByPart byPart = new AnnotationPass.ByPart(4);

    assertThat(byPart.numPartitions()).isEqualTo(4);
    assertThat(byPart.getPartition(0)).isZero();
    assertThat(byPart.getPartition(3)).isEqualTo(3);
    assertThatThrownBy(() -> byPart.getPartition(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a decision names partition 4 of an input read in 4");
    assertThat(byPart)
        .isEqualTo(new AnnotationPass.ByPart(4))
        .isNotEqualTo(new AnnotationPass.ByPart(5));
  }

  @Test
  void aCollapsedRowIsCountedAndNothingElse() {
    Row row = Annotated.collapsed(LocalDate.of(2023, 8, 1), "a");

    assertThat(row.size()).isEqualTo(Annotated.SCHEMA.size());
    assertThat(row.getInt(0)).isEqualTo(Annotated.COLLAPSED);
    assertThat(row.getString(Annotated.SCHEMA.fieldIndex("id"))).isEqualTo("a");
    assertThat(row.isNullAt(Annotated.SCHEMA.fieldIndex("terms"))).isTrue();
  }

  @Test
  void theTermBufferStaysWithinATenthOfATasksShareOfTheHeap() {
    long mb = 1 << 20;
    // The default heap of 4 GB on two cores: the default buffer of 1,000,000 entries.
    assertThat(Annotation.flushAt(1_000_000, 4096 * mb, 2)).isEqualTo(1_000_000);
    // 512 MB on two cores: about 268,000 entries, some 27 MB a task.
    assertThat(Annotation.flushAt(1_000_000, 512 * mb, 2)).isEqualTo(268_435);
    // Never fewer than 10,000, nor more than asked for.
    assertThat(Annotation.flushAt(1_000_000, 64 * mb, 16)).isEqualTo(10_000);
    assertThat(Annotation.flushAt(50, 64 * mb, 16)).isEqualTo(50);
  }
}
