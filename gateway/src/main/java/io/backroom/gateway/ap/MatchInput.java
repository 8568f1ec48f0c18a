package io.backroom.gateway.ap;

import io.backroom.api.model.PurchaseOrderStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything the three-way match needs about one invoice, gathered beforehand so that {@link MatchEngine} is a
 * pure function.
 *
 * @param charges            the invoice's header charges (freight, handling, ...)
 * @param plannedCharges     charges agreed on the PO (its agreed freight) not yet billed by earlier invoices
 * @param poReference        the PO number the invoice quotes
 * @param po                 the PO, {@code null} when unknown
 * @param received           cumulative received quantity per PO line
 * @param previouslyInvoiced quantity on earlier non-rejected invoices per PO line, net of their credit notes
 * @param duplicateOf        id of an earlier invoice with the same supplier and normalised number
 * @param suspectedDuplicateOf id of an earlier invoice with the same supplier, total and date, other number
 */
public record MatchInput(String supplierId, boolean supplierBlocked, String currency, List<Line> lines,
        BigDecimal charges, BigDecimal plannedCharges, BigDecimal printedTax, BigDecimal printedTotal, String poReference, Po po,
        Map<Integer, BigDecimal> received, Map<Integer, BigDecimal> previouslyInvoiced, String duplicateOf,
        String suspectedDuplicateOf) {

    /**
     * An invoice line.
     *
     * @param creditedQuantity quantity credited on this line's PO line by credit notes against this invoice
     * @param creditedAmount   amount credited likewise
     */
    public record Line(int lineNo, Integer poLineNo, BigDecimal quantity, BigDecimal unitPrice, BigDecimal netAmount,
            BigDecimal taxRate, BigDecimal creditedQuantity, BigDecimal creditedAmount) {
    }

    /**
     * The purchase order as the match sees it.
     *
     * @param supplierId the PO's supplier ({@code null}: not checked)
     * @param currency   the PO's currency ({@code null}: not checked)
     */
    public record Po(String id, PurchaseOrderStatus status, Map<Integer, PoLine> lines, String supplierId,
            String currency) {
        public Po(String id, PurchaseOrderStatus status, Map<Integer, PoLine> lines) {
            this(id, status, lines, null, null);
        }
    }

    /**
     * A PO line.
     *
     * @param taxRate the tax rate (percent) agreed on the line, {@code null} when the PO states none
     */
    public record PoLine(BigDecimal quantity, BigDecimal unitPrice, String category, BigDecimal taxRate) {
        public PoLine(BigDecimal quantity, BigDecimal unitPrice, String category) {
            this(quantity, unitPrice, category, null);
        }
    }
}
