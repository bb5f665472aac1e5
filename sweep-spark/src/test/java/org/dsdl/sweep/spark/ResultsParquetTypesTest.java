package org.dsdl.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.dsdl.app.sweep.SweepRun;
import org.junit.jupiter.api.Test;

/** A varied key's column in results.parquet has the narrowest type that holds every run's value. */
class ResultsParquetTypesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static List<SweepRun> runs(JsonNode... values) {
    return java.util.stream.IntStream.range(0, values.length)
        .mapToObj(i -> new SweepRun("r" + i, "c" + i, null, Map.of("k", values[i]), 1)).toList();
  }

  @Test
  void integersAreLongsNumbersDoublesFlagsBooleansAndTheRestText() {
    assertThat(ResultsParquet.type(runs(F.numberNode(50), F.numberNode(1000)), "k")).isEqualTo(DataTypes.LongType);
    assertThat(ResultsParquet.type(runs(F.numberNode(50), F.numberNode(0.5)), "k")).isEqualTo(DataTypes.DoubleType);
    assertThat(ResultsParquet.type(runs(F.booleanNode(true), F.booleanNode(false)), "k")).isEqualTo(DataTypes.BooleanType);
    assertThat(ResultsParquet.type(runs(F.textNode("vgg-tiny"), F.numberNode(3)), "k")).isEqualTo(DataTypes.StringType);
    assertThat(ResultsParquet.type(runs(F.arrayNode().add(1), F.arrayNode().add(2)), "k")).isEqualTo(DataTypes.StringType);
  }

  @Test
  void aRunWithoutTheKeyDoesNotDecideItsType() {
    List<SweepRun> runs = new java.util.ArrayList<>(runs(F.numberNode(0.1)));
    runs.add(new SweepRun("other", "other", "other", Map.of(), 1));
    assertThat(ResultsParquet.type(runs, "k")).isEqualTo(DataTypes.DoubleType);
  }
}
