package io.backroom.ml.pos;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates a cashier shift's POS journal into behaviour counts and amounts, then into rates that
 * do not depend on how busy the store is (per transaction, share of sales, per hour). Only journal
 * facts are used; no label or generator field is ever read here.
 */
final class ShiftFeatures {
    /** The rate features, in model order. */
    static final List<String> NAMES = List.of(
            "return_rate", "return_share", "no_receipt_return_rate", "no_receipt_return_share",
            "void_line_rate", "void_share", "post_void_rate", "post_void_share",
            "no_sale_per_hour", "discount_share", "discount_line_rate", "price_override_rate", "markdown_share",
            "manager_override_rate", "gift_card_share", "employee_sale_rate", "cash_variance_share", "abs_cash_variance");

    /** Running totals of one shift. */
    static final class Accumulator {
        final String shiftId;
        String storeId;
        String cashierId;
        Instant startedAt;
        Instant endedAt;
        double expectedCash;
        double countedCash;
        boolean hasDrawer;
        int transactions;
        int sales;
        double salesAmount;
        int returns;
        double returnAmount;
        int noReceiptReturns;
        double noReceiptReturnAmount;
        int itemLines;
        int voidLines;
        double voidAmount;
        int postVoids;
        double postVoidAmount;
        int noSales;
        double discount;
        int discountLines;
        int priceOverrides;
        double markdown;
        int managerOverrides;
        double giftCardAmount;
        int employeeSales;

        Accumulator(String shiftId) {
            this.shiftId = shiftId;
        }

        void addShift(JsonNode shift) {
            storeId = shift.path("storeId").asText(storeId);
            cashierId = shift.path("cashierId").asText(cashierId);
            startedAt = instant(shift.path("startedAt"), startedAt);
            endedAt = instant(shift.path("endedAt"), endedAt);
            if (shift.hasNonNull("expectedCash") && shift.hasNonNull("countedCash")) {
                expectedCash = shift.path("expectedCash").asDouble();
                countedCash = shift.path("countedCash").asDouble();
                hasDrawer = true;
            }
        }

        void addTransaction(JsonNode tx) {
            transactions++;
            if (storeId == null) {
                storeId = tx.path("storeId").asText(null);
            }
            Instant at = instant(tx.path("timestamp"), null);
            if (at != null) {
                startedAt = startedAt == null || at.isBefore(startedAt) ? at : startedAt;
                endedAt = endedAt == null || at.isAfter(endedAt) ? at : endedAt;
            }
            String type = tx.path("type").asText("");
            double total = tx.path("total").asDouble();
            if (tx.path("managerOverride").asBoolean(false)) {
                managerOverrides++;
            }
            switch (type) {
                case "SALE" -> {
                    sales++;
                    salesAmount += total;
                    if (tx.path("employeeSale").asBoolean(false)) {
                        employeeSales++;
                    }
                }
                case "RETURN" -> {
                    returns++;
                    returnAmount += Math.abs(total);
                    if (!tx.path("receiptPresented").asBoolean(true)) {
                        noReceiptReturns++;
                        noReceiptReturnAmount += Math.abs(total);
                    }
                }
                case "NO_SALE" -> noSales++;
                case "POST_VOID" -> {
                    postVoids++;
                    postVoidAmount += Math.abs(total);
                }
                case "GIFT_CARD_LOAD" -> giftCardAmount += Math.abs(total);
                default -> { }
            }
            for (JsonNode line : tx.path("lines")) {
                String lineType = line.path("type").asText("");
                if (lineType.equals("VOID")) {
                    voidLines++;
                    voidAmount += Math.abs(line.path("amount").asDouble());
                    continue;
                }
                if (lineType.equals("GIFT_CARD") && !type.equals("GIFT_CARD_LOAD")) {
                    giftCardAmount += Math.abs(line.path("amount").asDouble());
                }
                itemLines++;
                double d = line.path("discount").asDouble(0);
                if (d > 0) {
                    discount += d;
                    discountLines++;
                }
                if (line.path("priceOverride").asBoolean(false)) {
                    priceOverrides++;
                    double q = Math.abs(line.path("quantity").asDouble(1));
                    markdown += Math.max(0, (line.path("regularPrice").asDouble() - line.path("unitPrice").asDouble()) * q);
                }
            }
        }

        /** Hour of day the shift started, in the data set's time zone. */
        int startHour(ZoneId zone) {
            return startedAt == null ? 12 : startedAt.atZone(zone).getHour();
        }

        /** The rate features, in {@link #NAMES} order. */
        double[] rates() {
            double tx = Math.max(1, transactions);
            double lines = Math.max(1, itemLines);
            double gross = Math.max(1, salesAmount + discount + markdown);
            double hours = startedAt == null || endedAt == null ? 8
                    : Math.max(0.5, Duration.between(startedAt, endedAt).toMinutes() / 60.0);
            double variance = hasDrawer ? countedCash - expectedCash : 0;
            return new double[] {
                returns / tx, returnAmount / gross, noReceiptReturns / tx, noReceiptReturnAmount / gross,
                voidLines / lines, voidAmount / gross, postVoids / tx, postVoidAmount / gross,
                noSales / hours, discount / gross, discountLines / lines, priceOverrides / lines, markdown / gross,
                managerOverrides / tx, giftCardAmount / gross, employeeSales / tx, variance / gross, Math.abs(variance),
            };
        }

        /** The raw counts behind the rates, for reasons. */
        Map<String, String> facts() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("transactions", Integer.toString(transactions));
            f.put("returns", returns + " returns (" + noReceiptReturns + " without receipt)");
            f.put("voids", voidLines + " voided lines, " + postVoids + " post-voids");
            f.put("no_sales", noSales + " no-sale drawer openings");
            f.put("cash", hasDrawer ? String.format(java.util.Locale.ROOT, "drawer %+.2f", countedCash - expectedCash) : "no drawer count");
            return f;
        }
    }

    private ShiftFeatures() {
    }

    private static Instant instant(JsonNode node, Instant fallback) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return fallback;
        }
        return Instant.parse(node.asText());
    }
}
