package org.dsdl.api.measure;

import java.util.List;

/**
 * A labelled matrix, e.g. a confusion matrix, an RDM or a correlation matrix.
 *
 * @param key identity
 * @param rowLabels one label per row
 * @param columnLabels one label per column
 * @param values {@code values[row][column]}; shared, read-only
 */
public record MatrixMeasurement(MeasurementKey key, List<String> rowLabels, List<String> columnLabels, double[][] values)
    implements Measurement {
  /** Checks the shape against the labels. */
  public MatrixMeasurement {
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    if (values.length != rowLabels.size()) {
      throw new IllegalArgumentException(key.metric() + ": " + rowLabels.size() + " row labels for " + values.length + " rows");
    }
    for (double[] row : values) {
      if (row.length != columnLabels.size()) {
        throw new IllegalArgumentException(key.metric() + ": row of " + row.length + " values for " + columnLabels.size() + " columns");
      }
    }
  }

  @Override
  public String kind() {
    return "matrix";
  }
}
