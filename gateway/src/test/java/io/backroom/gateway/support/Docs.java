package io.backroom.gateway.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of intake bodies as maps, so tests can also send what the records would not allow. */
public final class Docs {
    private Docs() {
    }

    public static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    /** A PO for {@link TestRetailer#SUPPLIER}: lines as (quantity, unit price) pairs, item ITEM-1 (GROCERY). */
    public static Map<String, Object> po(String id, String... qtyPrice) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < qtyPrice.length; i += 2) {
            lines.add(Map.of("lineNo", i / 2 + 1, "itemId", "ITEM-1", "description", "line " + (i / 2 + 1),
                    "quantity", new java.math.BigDecimal(qtyPrice[i]), "unit", "EA", "unitPrice", money(qtyPrice[i + 1])));
        }
        Map<String, Object> po = new LinkedHashMap<>();
        po.put("id", id);
        po.put("supplierId", TestRetailer.SUPPLIER);
        po.put("storeId", TestRetailer.STORE);
        po.put("orderDate", "2026-11-01");
        po.put("currency", "EUR");
        po.put("lines", lines);
        return po;
    }

    /** A receipt of (PO line, quantity) pairs. */
    public static Map<String, Object> receipt(String poId, Object... lineQty) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lineQty.length; i += 2) {
            lines.add(Map.of("poLineNo", lineQty[i], "quantity", new java.math.BigDecimal(lineQty[i + 1].toString())));
        }
        return Map.of("purchaseOrderId", poId, "receivedOn", "2026-11-05", "lines", lines);
    }

    /** A real one-page PDF, written by PDFBox. */
    public static byte[] pdf(String text) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var out = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                out.beginText();
                out.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                out.newLineAtOffset(72, 720);
                out.showText(text);
                out.endText();
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An invoice builder; totals computed unless overridden. */
    public static Invoice invoice(String number, String poId) {
        return new Invoice(number, poId);
    }

    private static final java.util.concurrent.atomic.AtomicInteger DATES = new java.util.concurrent.atomic.AtomicInteger();

    /** Mutable invoice builder. */
    public static final class Invoice {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final List<Map<String, Object>> lines = new ArrayList<>();
        private java.math.BigDecimal net = java.math.BigDecimal.ZERO;
        private java.math.BigDecimal charges = java.math.BigDecimal.ZERO;
        private String tax;
        private String total;

        Invoice(String number, String poId) {
            body.put("invoiceNumber", number);
            body.put("supplierId", TestRetailer.SUPPLIER);
            body.put("poReference", poId);
            // a distinct date per invoice, so unrelated test invoices never look like suspected duplicates
            java.time.LocalDate date = java.time.LocalDate.of(2020, 1, 1).plusDays(DATES.incrementAndGet());
            body.put("invoiceDate", date.toString());
            body.put("dueDate", date.plusDays(30).toString());
            body.put("currency", "EUR");
        }

        /** A line billing {@code poLine}: quantity at unit price, tax 20%. */
        public Invoice line(int poLine, String qty, String price) {
            java.math.BigDecimal amount = new java.math.BigDecimal(qty).multiply(new java.math.BigDecimal(price))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            net = net.add(amount);
            lines.add(Map.of("lineNo", lines.size() + 1, "poLineNo", poLine, "quantity", new java.math.BigDecimal(qty),
                    "unitPrice", money(price), "taxRate", 20));
            return this;
        }

        public Invoice set(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Invoice freight(String amount) {
            charges = charges.add(new java.math.BigDecimal(amount));
            body.put("charges", List.of(Map.of("type", "FREIGHT", "amount", money(amount))));
            return this;
        }

        public Invoice tax(String amount) {
            tax = amount;
            return this;
        }

        public Invoice total(String amount) {
            total = amount;
            return this;
        }

        public Map<String, Object> build() {
            java.math.BigDecimal computedTax = net.add(charges).multiply(new java.math.BigDecimal("0.20"))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            String t = tax != null ? tax : computedTax.toPlainString();
            String sum = total != null ? total
                    : net.add(charges).add(new java.math.BigDecimal(t)).toPlainString();
            Map<String, Object> out = new LinkedHashMap<>(body);
            out.put("lines", lines);
            out.put("taxAmount", money(t));
            out.put("total", money(sum));
            return out;
        }
    }
}
