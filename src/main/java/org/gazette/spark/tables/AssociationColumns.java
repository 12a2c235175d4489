package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.gazette.entity.Association;

/** {@link Association}'s measures of a pair as columns, from the pair's and the day's counts. */
final class AssociationColumns {

  private static final UserDefinedFunction NPMI =
      udf((UDF4<Long, Long, Long, Long, Double>) Association::npmi, DataTypes.DoubleType)
          .asNonNullable();
  private static final UserDefinedFunction LLR =
      udf((UDF4<Long, Long, Long, Long, Double>) Association::llr, DataTypes.DoubleType)
          .asNonNullable();

  private AssociationColumns() {}

  /** npmi of articles naming both ({@code both}), each ({@code a}, {@code b}), and all. */
  static Column npmi(Column both, Column a, Column b, Column total) {
    return NPMI.apply(both, a, b, total);
  }

  /** Dunning's log-likelihood ratio of the same counts. */
  static Column llr(Column both, Column a, Column b, Column total) {
    return LLR.apply(both, a, b, total);
  }
}
