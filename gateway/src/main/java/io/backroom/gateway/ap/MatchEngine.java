package io.backroom.gateway.ap;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.LineMatch;
import io.backroom.api.model.Money;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.ToleranceBreach;
import io.backroom.api.model.Tolerances;
import io.backroom.gateway.ap.MatchOutcome.HoldDraft;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The three-way match: invoice vs purchase order vs goods receipts, with tolerances. A pure function of its input;
 * the rules are documented in {@code docs/three-way-match.md}.
 */
public final class MatchEngine {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ToleranceResolver tolerances;

    public MatchEngine(ToleranceResolver tolerances) {
        this.tolerances = tolerances;
    }

    public MatchOutcome match(MatchInput in) {
        List<HoldDraft> holds = new ArrayList<>();
        List<LineMatch> lines = new ArrayList<>(in.lines().size());
        headerChecks(in, holds);
        boolean otherSupplier = in.po() != null && in.po().supplierId() != null
                && !in.po().supplierId().equals(in.supplierId());
        boolean poUsable = in.po() != null && in.po().status() == PurchaseOrderStatus.OPEN && !otherSupplier;
        if (!poUsable) {
            String why = in.poReference() == null || in.poReference().isBlank() ? "The invoice quotes no purchase order."
                    : in.po() == null ? "Purchase order " + in.poReference() + " does not exist."
                    : otherSupplier ? "Purchase order " + in.poReference() + " was placed with supplier "
                            + in.po().supplierId() + ", not with this invoice's supplier " + in.supplierId() + "."
                    : "Purchase order " + in.poReference() + " is " + in.po().status() + ".";
            holds.add(new HoldDraft(HoldCode.PO_INVALID, null, why));
        }
        if (poUsable && !sameCurrency(in)) {
            holds.add(new HoldDraft(HoldCode.CURRENCY_MISMATCH, null, "The invoice is in " + in.currency()
                    + " but purchase order " + in.po().id() + " is in " + in.po().currency() + "; prices are not "
                    + "compared across currencies."));
        }
        Map<Integer, BigDecimal> running = new HashMap<>(in.previouslyInvoiced());
        BigDecimal maxRate = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (MatchInput.Line line : in.lines()) {
            BigDecimal rate = line.taxRate() == null ? BigDecimal.ZERO : line.taxRate();
            maxRate = maxRate.max(rate);
            tax = tax.add(line.netAmount().multiply(rate).divide(HUNDRED));
            if (!poUsable) {
                lines.add(null);
                continue;
            }
            MatchInput.PoLine poLine = line.poLineNo() == null ? null : in.po().lines().get(line.poLineNo());
            if (poLine == null) {
                holds.add(new HoldDraft(HoldCode.PO_INVALID, line.lineNo(), line.poLineNo() == null
                        ? "Line " + line.lineNo() + " names no PO line."
                        : "Line " + line.lineNo() + " names PO line " + line.poLineNo() + ", which "
                                + in.po().id() + " does not have."));
                lines.add(null);
                continue;
            }
            if (poLine.taxRate() != null && rate.compareTo(poLine.taxRate()) != 0) {
                holds.add(new HoldDraft(HoldCode.TAX_VARIANCE, line.lineNo(), "Line " + line.lineNo() + " applies tax "
                        + plain(rate) + "% but PO line " + line.poLineNo() + " agreed " + plain(poLine.taxRate()) + "%."));
            }
            lines.add(matchLine(in, line, poLine, running, holds));
        }
        BigDecimal computedTax = tax.add(in.charges().multiply(maxRate).divide(HUNDRED))
                .setScale(Currencies.minorUnits(in.currency()), RoundingMode.HALF_UP);
        taxAndTotal(in, computedTax, holds);
        return new MatchOutcome(lines, holds, computedTax);
    }

    private void headerChecks(MatchInput in, List<HoldDraft> holds) {
        if (in.supplierBlocked()) {
            holds.add(new HoldDraft(HoldCode.SUPPLIER_BLOCKED, null, "Supplier " + in.supplierId() + " is blocked for payment."));
        }
        if (in.duplicateOf() != null) {
            holds.add(new HoldDraft(HoldCode.DUPLICATE, null, "Same supplier and invoice number as invoice "
                    + in.duplicateOf() + "."));
        }
        if (in.suspectedDuplicateOf() != null) {
            holds.add(new HoldDraft(HoldCode.SUSPECTED_DUPLICATE, null, "Same supplier, amount and date as invoice "
                    + in.suspectedDuplicateOf() + " under another number."));
        }
        ToleranceResolver.Limit charge = tolerances.resolve(in.supplierId(), null, Tolerances::unplannedChargeAmount);
        BigDecimal unplanned = in.charges().subtract(in.plannedCharges()).max(BigDecimal.ZERO);
        if (charge.value() != null && unplanned.compareTo(charge.value()) > 0) {
            holds.add(new HoldDraft(HoldCode.UNPLANNED_CHARGE, null, "Charges of " + money(in.charges(), in)
                    + " exceed the " + money(in.plannedCharges(), in) + " agreed on the purchase order by "
                    + money(unplanned, in) + ", more than the " + money(charge.value(), in) + " tolerance ("
                    + charge.source() + ")."));
        }
    }

    private void taxAndTotal(MatchInput in, BigDecimal computedTax, List<HoldDraft> holds) {
        ToleranceResolver.Limit taxLimit = tolerances.resolve(in.supplierId(), null, Tolerances::taxAmount);
        BigDecimal taxDiff = in.printedTax().subtract(computedTax).abs();
        if (taxLimit.value() != null && taxDiff.compareTo(taxLimit.value()) > 0) {
            holds.add(new HoldDraft(HoldCode.TAX_VARIANCE, null, "Tax " + money(in.printedTax(), in)
                    + " differs from the computed " + money(computedTax, in) + " by " + money(taxDiff, in)
                    + ", more than the " + money(taxLimit.value(), in) + " tolerance."));
        }
        BigDecimal sum = in.charges().add(in.printedTax());
        for (MatchInput.Line line : in.lines()) {
            sum = sum.add(line.netAmount());
        }
        if (sum.compareTo(in.printedTotal()) != 0) {
            holds.add(new HoldDraft(HoldCode.TOTAL_MISMATCH, null, "Lines + charges + tax come to " + money(sum, in)
                    + " but the invoice total is " + money(in.printedTotal(), in) + "."));
        }
    }

    private LineMatch matchLine(MatchInput in, MatchInput.Line line, MatchInput.PoLine po,
            Map<Integer, BigDecimal> running, List<HoldDraft> holds) {
        Set<HoldCode> codes = new LinkedHashSet<>();
        List<ToleranceBreach> breaches = new ArrayList<>();
        // credits never take a line below zero (an oversized credit note is held, see CreditNoteRules)
        BigDecimal qty = line.quantity().subtract(line.creditedQuantity()).max(BigDecimal.ZERO);
        BigDecimal amount = line.netAmount().subtract(line.creditedAmount()).max(BigDecimal.ZERO);
        boolean comparable = sameCurrency(in);
        // a net equal to PO price x quantity rounded to the currency's cents is billed at the PO price
        BigDecimal atPoPrice = po.unitPrice().multiply(qty).setScale(Currencies.minorUnits(in.currency()),
                RoundingMode.HALF_UP);
        BigDecimal unitPrice = qty.signum() <= 0 ? line.unitPrice()
                : comparable && amount.compareTo(atPoPrice) == 0 ? po.unitPrice()
                : amount.divide(qty, 4, RoundingMode.HALF_UP);
        BigDecimal variance = comparable ? unitPrice.subtract(po.unitPrice()) : BigDecimal.ZERO;
        BigDecimal pct = po.unitPrice().signum() == 0 ? (variance.signum() == 0 ? BigDecimal.ZERO : HUNDRED)
                : variance.multiply(HUNDRED).divide(po.unitPrice(), 4, RoundingMode.HALF_UP);
        BigDecimal lineVariance = variance.multiply(qty).setScale(2, RoundingMode.HALF_UP);
        String category = po.category();

        if (variance.signum() > 0) {
            check(in, category, Tolerances::priceUpperPercent, "priceUpperPercent", pct, breaches);
            check(in, category, Tolerances::priceUpperAmount, "priceUpperAmount", lineVariance, breaches);
        } else if (variance.signum() < 0) {
            check(in, category, Tolerances::priceLowerPercent, "priceLowerPercent", pct.negate(), breaches);
            check(in, category, Tolerances::priceLowerAmount, "priceLowerAmount", lineVariance.negate(), breaches);
        }
        if (!breaches.isEmpty()) {
            codes.add(HoldCode.PRICE_VARIANCE);
            holds.add(new HoldDraft(HoldCode.PRICE_VARIANCE, line.lineNo(), "Line " + line.lineNo() + ": unit price "
                    + money(unitPrice, in) + " vs PO " + money(po.unitPrice(), in) + " (" + pct.stripTrailingZeros()
                    .toPlainString() + "%, " + money(lineVariance, in) + " on the line) is outside tolerance."));
        }

        BigDecimal received = in.received().getOrDefault(line.poLineNo(), BigDecimal.ZERO);
        // earlier lines of this invoice on the same PO line count as previously invoiced
        BigDecimal previous = running.getOrDefault(line.poLineNo(), BigDecimal.ZERO);
        BigDecimal cumulative = previous.add(qty);
        running.put(line.poLineNo(), cumulative);
        if (qty.signum() > 0 && received.signum() <= 0) {
            codes.add(HoldCode.NO_RECEIPT);
            holds.add(new HoldDraft(HoldCode.NO_RECEIPT, line.lineNo(), "Line " + line.lineNo() + ": nothing has been "
                    + "received on PO line " + line.poLineNo() + " yet."));
        } else {
            int before = breaches.size();
            check(in, category, Tolerances::quantityOverReceiptPercent, "quantityOverReceiptPercent",
                    overPercent(cumulative, received), breaches);
            if (breaches.size() > before) {
                codes.add(HoldCode.QTY_OVER_RECEIPT);
                holds.add(new HoldDraft(HoldCode.QTY_OVER_RECEIPT, line.lineNo(), "Line " + line.lineNo()
                        + ": invoiced " + plain(cumulative) + " in total against " + plain(received) + " received."));
            }
        }
        int before = breaches.size();
        check(in, category, Tolerances::quantityOverOrderPercent, "quantityOverOrderPercent",
                overPercent(cumulative, po.quantity()), breaches);
        if (breaches.size() > before) {
            codes.add(HoldCode.QTY_OVER_ORDER);
            holds.add(new HoldDraft(HoldCode.QTY_OVER_ORDER, line.lineNo(), "Line " + line.lineNo() + ": invoiced "
                    + plain(cumulative) + " in total against " + plain(po.quantity()) + " ordered."));
        }
        String cur = in.currency();
        String poCur = in.po() == null || in.po().currency() == null ? cur : in.po().currency();
        return new LineMatch(po.quantity(), received, previous, qty, cumulative, new Money(po.unitPrice(), poCur),
                new Money(unitPrice, cur), new Money(variance, cur), pct, new Money(lineVariance, cur), breaches,
                List.copyOf(codes));
    }

    private static boolean sameCurrency(MatchInput in) {
        return in.po() == null || in.po().currency() == null || in.po().currency().equals(in.currency());
    }

    /** How far {@code actual} exceeds {@code base}, in percent of base (0 when not above). */
    private static BigDecimal overPercent(BigDecimal actual, BigDecimal base) {
        BigDecimal over = actual.subtract(base);
        if (over.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (base.signum() <= 0) {
            return new BigDecimal("1E+9");
        }
        return over.multiply(HUNDRED).divide(base, 4, RoundingMode.HALF_UP);
    }

    private void check(MatchInput in, String category, java.util.function.Function<Tolerances, BigDecimal> rule,
            String name, BigDecimal actual, List<ToleranceBreach> breaches) {
        ToleranceResolver.Limit limit = tolerances.resolve(in.supplierId(), category, rule);
        if (limit.value() != null && actual.compareTo(limit.value()) > 0) {
            breaches.add(new ToleranceBreach(name, limit.value(), actual, limit.source()));
        }
    }

    private static String money(BigDecimal amount, MatchInput in) {
        return amount.setScale(Math.max(2, Math.min(amount.scale(), 4)), RoundingMode.HALF_UP).toPlainString() + " "
                + in.currency();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
