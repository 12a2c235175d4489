package org.gazette.spark.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/tables.md lists every column of every table, with its type. */
class ReadmeTablesTest {

  @ParameterizedTest
  @EnumSource(Table.class)
  void docsListEveryColumn(Table table) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/tables.md"), StandardCharsets.UTF_8);
    int heading = lines.indexOf("### `" + table.tableName() + "`");
    assertThat(heading).as("docs/tables.md heading for %s", table.tableName()).isNotNegative();
    List<String> documented = new ArrayList<>();
    int i = heading + 1;
    while (i < lines.size() && !lines.get(i).startsWith("| column |")) {
      i++;
    }
    for (i += 2; i < lines.size() && lines.get(i).startsWith("| `"); i++) {
      String[] cells = lines.get(i).split("\\|");
      documented.add(cells[1].strip().replace("`", "") + " " + cells[2].strip());
    }
    List<String> actual = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      actual.add(f.name() + " " + f.dataType().simpleString());
    }
    assertThat(documented).isEqualTo(actual);
  }
}
