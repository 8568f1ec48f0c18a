package io.backroom.ml.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.ml.data.DatasetDir;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Measures the reader against a data set's document labels: document-type accuracy and header-field
 * exact match (over the fields each document carries), overall and per layout. The reader's rules
 * are not fitted to any layout, so every layout is "left out"; the per-layout table shows the
 * weakest one.
 */
public final class DocumentEvaluation {
    private DocumentEvaluation() {
    }

    /** Metrics: type_accuracy, field_exact_match, documents, per layout field_exact_match.LAYOUT. */
    public static Map<String, Double> evaluate(DocumentReader reader, DatasetDir data, PrintStream mismatches) {
        Map<String, String> supplierNames = new HashMap<>();
        data.forEach("suppliers", s -> supplierNames.put(s.path("id").asText(), s.path("name").asText()));
        List<JsonNode> labels = new ArrayList<>();
        data.forEach("labels/document-labels", labels::add);
        int docs = 0;
        int typeHits = 0;
        int fields = 0;
        int fieldHits = 0;
        Map<String, int[]> perLayout = new TreeMap<>();
        Map<String, int[]> perField = new TreeMap<>();
        Map<String, String> glById = new HashMap<>();
        if (data.has("expense-invoices")) {
            data.forEach("expense-invoices", e -> glById.put(e.path("id").asText(), e.path("glCategory").asText()));
        }
        int[] gl = new int[2];
        for (JsonNode label : labels) {
            java.nio.file.Path pdf = data.resolve(label.path("file").asText());
            if (!Files.isRegularFile(pdf)) {
                continue;
            }
            DocumentResult r = reader.read(pdf);
            docs++;
            String expectedType = label.path("documentType").asText().equals("EXPENSE_INVOICE") ? "INVOICE" : label.path("documentType").asText();
            boolean typeOk = r.documentType() != null && r.documentType().name().equals(expectedType);
            typeHits += typeOk ? 1 : 0;
            if (!typeOk && mismatches != null) {
                mismatches.println(label.path("file").asText() + " type " + r.documentType() + " expected " + expectedType + " " + r.message());
            }
            String expectedGl = glById.get(label.path("documentId").asText());
            if ("EXPENSE_INVOICE".equals(label.path("documentType").asText()) && expectedGl != null) {
                gl[0]++;
                gl[1] += expectedGl.equals(r.glCategory()) ? 1 : 0;
            }
            HeaderFields f = r.fields();
            Map<String, Object[]> compare = new LinkedHashMap<>();
            compare.put("supplierName", new Object[] {supplierNames.get(label.path("supplierId").asText()), f == null ? null : f.supplierName()});
            compare.put("documentNumber", new Object[] {text(label, "documentNumber"), f == null ? null : f.documentNumber()});
            compare.put("documentDate", new Object[] {text(label, "documentDate"), f == null || f.documentDate() == null ? null : f.documentDate().toString()});
            compare.put("dueDate", new Object[] {text(label, "dueDate"), f == null || f.dueDate() == null ? null : f.dueDate().toString()});
            compare.put("poReference", new Object[] {text(label, "poReference"), f == null ? null : f.poReference()});
            compare.put("currency", new Object[] {text(label, "currency"), f == null ? null : f.currency()});
            compare.put("subtotal", new Object[] {amount(label, "subtotal"), f == null ? null : f.subtotal()});
            compare.put("taxAmount", new Object[] {amount(label, "taxAmount"), f == null ? null : f.taxAmount()});
            compare.put("total", new Object[] {amount(label, "total"), f == null ? null : f.total()});
            int[] layout = perLayout.computeIfAbsent(label.path("layout").asText(), k -> new int[4]);
            layout[2]++;
            layout[3] += typeOk ? 1 : 0;
            for (Map.Entry<String, Object[]> e : compare.entrySet()) {
                Object expected = e.getValue()[0];
                if (expected == null) {
                    continue;
                }
                Object actual = e.getValue()[1];
                boolean ok = expected instanceof BigDecimal b ? actual instanceof BigDecimal a && a.compareTo(b) == 0 : Objects.equals(expected, actual);
                fields++;
                fieldHits += ok ? 1 : 0;
                layout[0]++;
                layout[1] += ok ? 1 : 0;
                int[] pf = perField.computeIfAbsent(e.getKey(), k -> new int[2]);
                pf[0]++;
                pf[1] += ok ? 1 : 0;
                if (!ok && mismatches != null) {
                    mismatches.println(label.path("file").asText() + " [" + label.path("layout").asText() + "] " + e.getKey()
                            + " got '" + actual + "' expected '" + expected + "'");
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("documents", (double) docs);
        m.put("type_accuracy", docs == 0 ? Double.NaN : typeHits / (double) docs);
        m.put("field_exact_match", fields == 0 ? Double.NaN : fieldHits / (double) fields);
        double worst = 1;
        for (Map.Entry<String, int[]> e : perLayout.entrySet()) {
            double match = e.getValue()[0] == 0 ? 1 : e.getValue()[1] / (double) e.getValue()[0];
            m.put("field_exact_match." + e.getKey(), match);
            m.put("type_accuracy." + e.getKey(), e.getValue()[3] / (double) e.getValue()[2]);
            worst = Math.min(worst, match);
        }
        perField.forEach((k, v) -> m.put("field." + k, v[1] / (double) v[0]));
        m.put("worst_layout_field_exact_match", worst);
        m.put("gl_pdfs", (double) gl[0]);
        m.put("gl_pdf_accuracy", gl[0] == 0 ? Double.NaN : gl[1] / (double) gl[0]);
        return m;
    }

    private static String text(JsonNode label, String field) {
        JsonNode n = label.path(field);
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static BigDecimal amount(JsonNode label, String field) {
        String t = text(label, field);
        return t == null ? null : new BigDecimal(t);
    }
}
