package io.backroom.ml.table;

import java.util.List;
import java.util.Objects;

/**
 * A numeric table read from a CSV export: one id per row, named numeric feature columns and,
 * optionally, a 0/1 label per row (1 = anomalous / positive).
 *
 * @param ids     the row ids, in file order
 * @param columns the feature column names, in file order
 * @param values  {@code values[row][column]}
 * @param labels  the labels, or {@code null} when the table has no label column
 */
public record NumericTable(List<String> ids, List<String> columns, double[][] values, int[] labels) {

    /** Validates the shape of the table. */
    public NumericTable {
        ids = List.copyOf(ids);
        columns = List.copyOf(columns);
        Objects.requireNonNull(values, "values");
        if (values.length != ids.size()) {
            throw new IllegalArgumentException(values.length + " value rows for " + ids.size() + " ids");
        }
        if (labels != null && labels.length != ids.size()) {
            throw new IllegalArgumentException(labels.length + " labels for " + ids.size() + " ids");
        }
    }

    /** The number of rows. */
    public int size() {
        return ids.size();
    }

    /** Whether the table carries labels. */
    public boolean labelled() {
        return labels != null;
    }
}
