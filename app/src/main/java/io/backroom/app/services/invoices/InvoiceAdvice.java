package io.backroom.app.services.invoices;

import io.backroom.app.services.outbox.DecisionAction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What the exception classifier says about one held invoice, as the console shows and audits it.
 *
 * @param invoiceId           the invoice
 * @param rootCause           the likely root cause, e.g. {@code SUPPLIER_PRICE_INCREASE}
 * @param rootCauseConfidence its calibrated probability, 0..1
 * @param modelAction         the model's recommended resolution, e.g. {@code REQUEST_CREDIT_MEMO}
 * @param recommended         that resolution as a console decision, or null when it has none
 * @param actionConfidence    its calibrated probability, 0..1
 * @param reasons             the top three reasons, in words
 * @param model               model name, e.g. {@code exception-classifier}
 * @param modelVersion        model version
 * @param modelHash           fingerprint of the model artefact
 * @param inputsHash          hash of the model artefact and the exact features it scored
 */
public record InvoiceAdvice(String invoiceId, String rootCause, BigDecimal rootCauseConfidence, String modelAction,
                            DecisionAction recommended, BigDecimal actionConfidence, List<String> reasons, String model,
                            String modelVersion, String modelHash, String inputsHash) {
    public InvoiceAdvice {
        reasons = List.copyOf(reasons);
    }

    /** The model's resolutions as console decisions: waiting for a receipt is a hold with a note. */
    public static DecisionAction decisionFor(String modelAction) {
        return switch (modelAction == null ? "" : modelAction) {
            case "RELEASE" -> DecisionAction.RELEASE;
            case "REJECT" -> DecisionAction.REJECT;
            case "REQUEST_CREDIT_MEMO" -> DecisionAction.REQUEST_CREDIT;
            case "ROUTE_TO_BUYER" -> DecisionAction.ROUTE_TO_BUYER;
            case "WAIT_FOR_RECEIPT" -> DecisionAction.HOLD;
            default -> null;
        };
    }

    /** A model name in words: {@code SUPPLIER_PRICE_INCREASE} becomes "supplier price increase". */
    public static String words(String name) {
        if (name == null) {
            return "";
        }
        return (" " + name.toLowerCase(Locale.ROOT).replace('_', ' ') + " ").replace(" po ", " PO ").replace(" gl ", " GL ")
                .replace(" vat ", " VAT ").strip();
    }

    /** "84%". */
    public static String percent(BigDecimal p) {
        if (p == null) {
            return "";
        }
        // A calibrated probability is never certainty: 0.9996 reads ">99%", not "100%".
        if (p.compareTo(new BigDecimal("0.995")) >= 0) {
            return ">99%";
        }
        if (p.compareTo(new BigDecimal("0.005")) < 0) {
            return "<1%";
        }
        return p.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
