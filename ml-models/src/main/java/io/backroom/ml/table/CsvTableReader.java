package io.backroom.ml.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a CSV export (RFC 4180 quoting, comma separated, first line is the header) into a
 * {@link NumericTable}. Every column that is not the id, the label or an ignored column must be
 * numeric in every row; anything else is refused with an error that names the row and column.
 */
public final class CsvTableReader {

    /**
     * What to read from the file.
     *
     * @param idColumn        the column holding row ids (required)
     * @param ignoredColumns  columns to skip
     * @param labelColumn     the 0/1 label column, or {@code null}
     * @param requiredColumns when not empty, exactly these feature columns are read (in this order)
     *                        and each must be present, as when scoring with a fitted model
     */
    public record Spec(String idColumn, Set<String> ignoredColumns, String labelColumn, List<String> requiredColumns) {
        /** Copies the collections. */
        public Spec {
            if (idColumn == null || idColumn.isBlank()) {
                throw new IllegalArgumentException("an id column is required");
            }
            ignoredColumns = Set.copyOf(ignoredColumns);
            requiredColumns = List.copyOf(requiredColumns);
        }

        /** A spec reading every numeric column except the id, the label and the ignored ones. */
        public static Spec of(String idColumn, Collection<String> ignored, String labelColumn) {
            return new Spec(idColumn, Set.copyOf(ignored), labelColumn, List.of());
        }
    }

    /** Reads the file according to the spec. */
    public NumericTable read(Path file, Spec spec) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), spec);
        }
    }

    /** Reads CSV text from a reader; {@code source} names the input in error messages. */
    public NumericTable read(BufferedReader reader, String source, Spec spec) throws IOException {
        CsvLineSplitter splitter = new CsvLineSplitter(reader);
        List<String> header = splitter.next();
        if (header == null) {
            throw new CsvFormatException(source + ": the file is empty; a header row is expected");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<String> trimmed = header.stream().map(String::trim).toList();
        checkDuplicates(source, trimmed);
        int idIndex = indexOf(source, trimmed, spec.idColumn(), "id");
        int labelIndex = spec.labelColumn() == null ? -1 : indexOf(source, trimmed, spec.labelColumn(), "label");
        for (String ignored : spec.ignoredColumns()) {
            indexOf(source, trimmed, ignored, "ignored");
        }
        List<String> featureNames = new ArrayList<>();
        List<Integer> featureIndexes = new ArrayList<>();
        if (spec.requiredColumns().isEmpty()) {
            for (int i = 0; i < trimmed.size(); i++) {
                String name = trimmed.get(i);
                if (i != idIndex && i != labelIndex && !spec.ignoredColumns().contains(name)) {
                    featureNames.add(name);
                    featureIndexes.add(i);
                }
            }
        } else {
            for (String required : spec.requiredColumns()) {
                featureNames.add(required);
                featureIndexes.add(indexOf(source, trimmed, required, "model feature"));
            }
        }
        if (featureNames.isEmpty()) {
            throw new CsvFormatException(source + ": no numeric feature column left after removing the id, label and ignored columns");
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        List<String> fields;
        int rowNumber = 1;
        while ((fields = splitter.next()) != null) {
            rowNumber++;
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != trimmed.size()) {
                throw new CsvFormatException(String.format(Locale.ROOT,
                        "%s: row %d has %d fields but the header has %d", source, rowNumber, fields.size(), trimmed.size()));
            }
            String id = fields.get(idIndex).trim();
            if (id.isEmpty()) {
                throw new CsvFormatException(String.format(Locale.ROOT,
                        "%s: row %d, column '%s': the id is empty", source, rowNumber, spec.idColumn()));
            }
            if (!seenIds.add(id)) {
                throw new CsvFormatException(String.format(Locale.ROOT,
                        "%s: row %d, column '%s': id '%s' appears twice", source, rowNumber, spec.idColumn(), id));
            }
            double[] row = new double[featureIndexes.size()];
            for (int f = 0; f < row.length; f++) {
                row[f] = parseNumber(source, rowNumber, featureNames.get(f), fields.get(featureIndexes.get(f)));
            }
            if (labelIndex >= 0) {
                labels.add(parseLabel(source, rowNumber, spec.labelColumn(), fields.get(labelIndex)));
            }
            ids.add(id);
            rows.add(row);
        }
        if (ids.isEmpty()) {
            throw new CsvFormatException(source + ": the file has a header but no data rows");
        }
        int[] labelArray = labelIndex < 0 ? null : labels.stream().mapToInt(Integer::intValue).toArray();
        return new NumericTable(ids, featureNames, rows.toArray(new double[0][]), labelArray);
    }

    private static void checkDuplicates(String source, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                throw new CsvFormatException(source + ": row 1 (header): column '" + name + "' appears twice");
            }
        }
    }

    private static int indexOf(String source, List<String> header, String column, String role) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new CsvFormatException(String.format(Locale.ROOT,
                    "%s: row 1 (header): %s column '%s' is missing; the header has %s", source, role, column, header));
        }
        return index;
    }

    private static double parseNumber(String source, int row, String column, String raw) {
        String text = raw.trim();
        if (text.isEmpty()) {
            throw new CsvFormatException(String.format(Locale.ROOT,
                    "%s: row %d, column '%s': value is empty, a number is expected", source, row, column));
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException("not finite");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CsvFormatException(String.format(Locale.ROOT,
                    "%s: row %d, column '%s': '%s' is not a number (use '.' as the decimal point)", source, row, column, text));
        }
    }

    private static int parseLabel(String source, int row, String column, String raw) {
        String text = raw.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "1", "1.0", "true", "yes", "y", "anomaly", "anomalous", "fraud", "positive" -> 1;
            case "0", "0.0", "false", "no", "n", "normal", "expected", "ok", "negative" -> 0;
            default -> throw new CsvFormatException(String.format(Locale.ROOT,
                    "%s: row %d, column '%s': label '%s' is not 0/1 (or true/false, anomaly/normal)", source, row, column, raw.trim()));
        };
    }
}
