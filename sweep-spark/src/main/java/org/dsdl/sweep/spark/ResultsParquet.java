package org.dsdl.sweep.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dsdl.app.sweep.SweepRun;
import org.dsdl.app.sweep.results.ResultRow;
import org.dsdl.app.sweep.results.ResultsWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code results.parquet}: the long table of {@code results.csv} (same rows, same columns, in the
 * same order) as one Parquet file, written with Spark SQL to the sweep's output URI. A key the
 * sweep varies is a typed column: integer (64-bit), floating point, boolean, or text (text values
 * as they are, others as JSON). The rows of each run are those its Spark task returned, or, for a
 * run that had finished before this invocation ({@code --resume}), those read back from its
 * directory. Spark writes a folder of part files: it is written beside the target, coalesced to
 * one part, and that part is renamed into place, so a reader never sees half a table.
 */
final class ResultsParquet implements ResultsWriter {
  /** The file's name. */
  static final String FILE = "results.parquet";
  private static final Logger LOG = LoggerFactory.getLogger(ResultsParquet.class);
  private final SparkSession spark;
  private final Supplier<URI> output;
  private final Map<String, RunResult> returned;

  ResultsParquet(SparkSession spark, Supplier<URI> output, Map<String, RunResult> returned) {
    this.spark = spark;
    this.output = output;
    this.returned = returned;
  }

  @Override
  public List<Path> write(Path sweepDir, List<SweepRun> runs, List<ResultRow> rows) throws IOException {
    List<String> keys = keys(runs);
    Map<String, DataType> types = new LinkedHashMap<>();
    keys.forEach(k -> types.put(k, type(runs, k)));
    List<Row> table = new ArrayList<>();
    for (ResultRow r : rowsByRun(runs, rows)) {
      List<Object> cells = new ArrayList<>();
      cells.add(r.run().name());
      cells.add(r.run().condition());
      keys.forEach(k -> cells.add(cell(r.run().settings().get(k), types.get(k))));
      cells.add(r.run().seed());
      cells.add(r.checkpoint());
      cells.add(r.step());
      cells.add(r.epoch());
      cells.add(r.probe());
      cells.add(r.metric());
      cells.add(r.layer());
      cells.add(r.label());
      cells.add(r.value());
      table.add(RowFactory.create(cells.toArray()));
    }
    long t0 = System.nanoTime();
    URI out = output.get() == null ? sweepDir.toAbsolutePath().toUri() : output.get();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FileSystem fs = HadoopDirs.fileSystem(out, conf);
    org.apache.hadoop.fs.Path target = HadoopDirs.path(SparkSweepRunner.child(out, FILE));
    org.apache.hadoop.fs.Path incoming = HadoopDirs.sibling(target, "incoming");
    spark.createDataFrame(table, schema(keys, types)).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(incoming.toString());
    FileStatus[] parts = HadoopDirs.files(fs, incoming, "part-");
    if (parts.length != 1) {
      throw new IOException("Spark wrote " + parts.length + " part files in " + incoming + ", expected one");
    }
    HadoopDirs.replace(fs, parts[0].getPath(), target);
    fs.delete(incoming, true);
    Path local = sweepDir.resolve(FILE);
    if (!out.equals(sweepDir.toAbsolutePath().toUri())) {
      HadoopDirs.mirror(target.toUri(), local, conf);
    }
    LOG.info("{}: {} rows written with Spark SQL in {} s", FILE, table.size(), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    return List.of(local);
  }

  /** The long table in run order: each run's returned rows, else the rows read back from its directory. */
  private List<ResultRow> rowsByRun(List<SweepRun> runs, List<ResultRow> fromDirectories) {
    Map<String, List<ResultRow>> read = new LinkedHashMap<>();
    fromDirectories.forEach(r -> read.computeIfAbsent(r.run().name(), k -> new ArrayList<>()).add(r));
    List<ResultRow> out = new ArrayList<>();
    for (SweepRun run : runs) {
      RunResult r = returned.get(run.name());
      if (r != null) {
        r.rows().forEach(m -> out.add(m.toRow(run)));
      } else {
        out.addAll(read.getOrDefault(run.name(), List.of()));
      }
    }
    return out;
  }

  private static List<String> keys(List<SweepRun> runs) {
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.settings().keySet()));
    return new ArrayList<>(keys);
  }

  private static StructType schema(List<String> keys, Map<String, DataType> types) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("run", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("condition", DataTypes.StringType, false));
    keys.forEach(k -> fields.add(DataTypes.createStructField(k, types.get(k), true)));
    fields.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("checkpoint", DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField("step", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("epoch", DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField("probe", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("metric", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("layer", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("label", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("value", DataTypes.DoubleType, false));
    return DataTypes.createStructType(fields);
  }

  /** The column type of {@code key}: the narrowest that holds every run's value. */
  static DataType type(List<SweepRun> runs, String key) {
    boolean integral = true;
    boolean numeric = true;
    boolean bool = true;
    for (SweepRun r : runs) {
      JsonNode v = r.settings().get(key);
      if (v == null || v.isNull()) {
        continue;
      }
      integral &= v.isIntegralNumber() && v.canConvertToLong();
      numeric &= v.isNumber();
      bool &= v.isBoolean();
    }
    return integral ? DataTypes.LongType : numeric ? DataTypes.DoubleType : bool ? DataTypes.BooleanType : DataTypes.StringType;
  }

  private static Object cell(JsonNode v, DataType type) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (type == DataTypes.LongType) {
      return v.longValue();
    }
    if (type == DataTypes.DoubleType) {
      return v.doubleValue();
    }
    if (type == DataTypes.BooleanType) {
      return v.booleanValue();
    }
    return v.isTextual() ? v.asText() : v.toString();
  }
}
