package io.backroom.ml.pos;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.explain.Reason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transaction-level scores from a POS journal: each transaction inherits its shift's anomaly
 * percentile (70 %) and adds its own risk markers (30 %): a refund without receipt, a post-void, a
 * manager override, a price override, a large discount, a drawer opened without a sale.
 */
public final class TransactionScorer {
    private final ShiftAnomalyModel shifts;

    /** A scorer on top of a shift model. */
    public TransactionScorer(ShiftAnomalyModel shifts) {
        this.shifts = shifts;
    }

    /** Scores every transaction of the journal and writes a CSV; returns the number of transactions scored. */
    public long scoreToCsv(DatasetDir journal, Path out) throws IOException {
        Map<String, ShiftScore> byShift = new HashMap<>();
        for (ShiftScore s : shifts.score(journal)) {
            byShift.put(s.shiftId(), s);
        }
        long[] count = {0};
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("transaction_id,shift_id,score,shift_percentile,reason_1,reason_2,reason_3,model\n");
            journal.forEach("pos-transactions", tx -> {
                ShiftScore shift = byShift.get(tx.path("shiftId").asText());
                double percentile = shift == null ? 0 : shift.percentile();
                List<Reason> markers = markers(tx);
                double risk = markers.stream().mapToDouble(Reason::weight).sum();
                double score = 0.7 * percentile + 0.3 * Math.min(1, risk / 3);
                List<String> reasons = new ArrayList<>();
                markers.stream().limit(2).forEach(r -> reasons.add(r.text()));
                if (shift != null && !shift.reasons().isEmpty() && !"none".equals(shift.reasons().get(0).feature())) {
                    reasons.add(String.format(Locale.ROOT, "shift ranks above %.0f%% of shifts: %s", percentile * 100,
                            shift.reasons().get(0).text()));
                }
                while (reasons.size() < 3) {
                    reasons.add("");
                }
                try {
                    w.write(tx.path("id").asText() + "," + tx.path("shiftId").asText() + ","
                            + String.format(Locale.ROOT, "%.4f,%.4f", score, percentile) + ","
                            + quote(reasons.get(0)) + "," + quote(reasons.get(1)) + "," + quote(reasons.get(2)) + ","
                            + ShiftAnomalyModel.NAME + " " + ShiftAnomalyModel.VERSION + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                count[0]++;
            });
        }
        return count[0];
    }

    static List<Reason> markers(JsonNode tx) {
        List<Reason> r = new ArrayList<>();
        String type = tx.path("type").asText();
        double total = Math.abs(tx.path("total").asDouble());
        if ("RETURN".equals(type) && !tx.path("receiptPresented").asBoolean(true)) {
            r.add(new Reason("no_receipt", String.format(Locale.ROOT, "refund of %.2f without receipt", total), 1.5));
        }
        if ("POST_VOID".equals(type)) {
            r.add(new Reason("post_void", String.format(Locale.ROOT, "post-void of %.2f", total), 1.5));
        }
        if ("NO_SALE".equals(type)) {
            r.add(new Reason("no_sale", "drawer opened without a sale", 1));
        }
        if (tx.path("managerOverride").asBoolean(false)) {
            r.add(new Reason("override", "manager override used", 0.5));
        }
        double discount = 0;
        double gross = 0;
        int overrides = 0;
        for (JsonNode l : tx.path("lines")) {
            discount += l.path("discount").asDouble(0);
            gross += Math.abs(l.path("regularPrice").asDouble(0) * l.path("quantity").asDouble(1));
            overrides += l.path("priceOverride").asBoolean(false) ? 1 : 0;
        }
        if (gross > 0 && discount / gross > 0.25) {
            r.add(new Reason("discount", String.format(Locale.ROOT, "discount of %.0f%% of the shelf price", 100 * discount / gross), 1));
        }
        if (overrides > 0) {
            r.add(new Reason("price_override", overrides + " price override(s)", 0.7));
        }
        return r;
    }

    private static String quote(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
