package io.backroom.ml.documents;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Measures the reader on a labelled folder of PDFs ({@code labels.csv} beside {@code pdfs/}, as
 * written by {@code ml-models/corpus/generate.py}): exact match per field, overall and per group
 * (producer, layout, language). The reader has no fitted parameters, so a "leave one producer out"
 * score is the score on that producer's documents; {@link #heldOut} reports exactly that.
 */
public final class CorpusEvaluation {
    /** The fields scored: the three every invoice has first, then the rest. */
    public static final List<String> FIELDS = List.of("invoice_number", "invoice_date", "total", "due_date", "currency", "subtotal", "tax",
            "document_type");
    /** The three fields the targets are set on. */
    public static final List<String> CORE = List.of("invoice_number", "invoice_date", "total");

    /** One labelled document. */
    public record Row(Map<String, String> values) {
        /** The value of a column, or "" if absent. */
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** Per-document outcome: which fields matched. */
    public record Outcome(Row row, Map<String, Boolean> match, DocumentResult result) {
    }

    private CorpusEvaluation() {
    }

    /** Reads {@code labels.csv} (a header row, comma-separated, no quoted commas). */
    public static List<Row> labels(Path corpus) throws IOException {
        List<String> lines = Files.readAllLines(corpus.resolve("labels.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = splitCsv(line);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                m.put(header.get(i), cells.get(i));
            }
            rows.add(new Row(m));
        }
        return rows;
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Reads every labelled PDF and compares field by field. */
    public static List<Outcome> run(DocumentReader reader, Path corpus, Predicate<Row> which) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (Row row : labels(corpus)) {
            if (!which.test(row)) {
                continue;
            }
            DocumentResult r = reader.read(corpus.resolve("pdfs").resolve(row.get("file")));
            HeaderFields f = r.fields();
            Map<String, Boolean> match = new LinkedHashMap<>();
            match.put("invoice_number", f != null && Objects.equals(row.get("invoice_number"), f.documentNumber()));
            match.put("invoice_date", f != null && f.documentDate() != null && f.documentDate().equals(LocalDate.parse(row.get("invoice_date"))));
            match.put("total", f != null && sameAmount(row.get("total"), f.total()));
            if (!row.get("due_date").isEmpty()) {
                match.put("due_date", f != null && f.dueDate() != null && f.dueDate().equals(LocalDate.parse(row.get("due_date"))));
            }
            match.put("currency", f != null && row.get("currency").equals(f.currency()));
            match.put("subtotal", f != null && sameAmount(row.get("subtotal"), f.subtotal()));
            match.put("tax", f != null && sameAmount(row.get("tax"), f.taxAmount()));
            match.put("document_type", r.documentType() != null && r.documentType().name().equals(row.get("document_type")));
            out.add(new Outcome(row, match, r));
        }
        return out;
    }

    private static boolean sameAmount(String expected, BigDecimal actual) {
        return actual != null && !expected.isEmpty() && new BigDecimal(expected).compareTo(actual) == 0;
    }

    /** Share of matches of one field over the outcomes that carry it (NaN if none). */
    public static double accuracy(List<Outcome> outcomes, String field) {
        int n = 0;
        int hit = 0;
        for (Outcome o : outcomes) {
            Boolean m = o.match().get(field);
            if (m != null) {
                n++;
                hit += m ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : hit / (double) n;
    }

    /** Share of matches over the three core fields together. */
    public static double coreAccuracy(List<Outcome> outcomes) {
        int n = 0;
        int hit = 0;
        for (Outcome o : outcomes) {
            for (String f : CORE) {
                n++;
                hit += o.match().get(f) ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : hit / (double) n;
    }

    /**
     * Leave-one-group-out: for each value of {@code column} (a producer, a layout), the scores on
     * that group's documents. The reader is not fitted, so nothing needs retraining without the group.
     */
    public static Map<String, List<Outcome>> heldOut(List<Outcome> outcomes, String column) {
        Map<String, List<Outcome>> groups = new TreeMap<>();
        for (Outcome o : outcomes) {
            groups.computeIfAbsent(o.row().get(column), k -> new ArrayList<>()).add(o);
        }
        return groups;
    }

    /** Prints a Markdown table: one row per group, one column per field, then the core-field mean. */
    public static void printTable(PrintStream out, String title, Map<String, List<Outcome>> groups) {
        out.println("| " + title + " | PDFs | " + String.join(" | ", FIELDS) + " | core 3 |");
        out.println("|---|---|" + "---|".repeat(FIELDS.size()) + "---|");
        Function<List<Outcome>, String> row = list -> {
            StringBuilder sb = new StringBuilder();
            for (String f : FIELDS) {
                double a = accuracy(list, f);
                sb.append(Double.isNaN(a) ? "–" : String.format(Locale.ROOT, "%.2f", a)).append(" | ");
            }
            return sb + String.format(Locale.ROOT, "%.3f", coreAccuracy(list));
        };
        List<Outcome> all = new ArrayList<>();
        groups.forEach((k, v) -> {
            out.println("| " + k + " | " + v.size() + " | " + row.apply(v) + " |");
            all.addAll(v);
        });
        out.println("| **all** | " + all.size() + " | " + row.apply(all) + " |");
    }

    /** Prints every mismatch: file, field, expected, read. */
    public static void printMismatches(PrintStream out, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            HeaderFields f = o.result().fields();
            o.match().forEach((field, ok) -> {
                if (!ok) {
                    Object got = f == null ? o.result().status() + " " + o.result().message() : switch (field) {
                        case "invoice_number" -> f.documentNumber();
                        case "invoice_date" -> f.documentDate();
                        case "total" -> f.total();
                        case "due_date" -> f.dueDate();
                        case "currency" -> f.currency();
                        case "subtotal" -> f.subtotal();
                        case "tax" -> f.taxAmount();
                        default -> o.result().documentType() + " " + String.format(Locale.ROOT, "%.2f", o.result().typeConfidence());
                    };
                    String expected = field.equals("document_type") ? o.row().get("document_type") : o.row().get(field);
                    out.println(o.row().get("file") + " " + field + ": expected '" + expected + "' read '" + got + "'");
                }
            });
        }
    }
}
