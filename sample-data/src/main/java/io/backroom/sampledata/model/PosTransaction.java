package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A POS transaction in a cashier shift.
 *
 * @param originalTransactionId for a return with receipt: the sale returned; for a post-void: the transaction
 *     cancelled; otherwise {@code null}
 * @param receiptPresented whether a return came with a receipt ({@code false} for non-returns)
 * @param employeeSale sale to an employee, entitled to the employee discount
 * @param loyaltyId customer loyalty card, or {@code null}
 * @param managerOverride a supervisor key was used (refund without receipt, big discount, post-void)
 * @param total signed total, tax included: negative for refunds
 */
public record PosTransaction(String id, String shiftId, String storeId, int registerNo, String cashierId,
        Instant timestamp, PosTransactionType type, String originalTransactionId, boolean receiptPresented,
        boolean employeeSale, String loyaltyId, boolean managerOverride, List<PosLine> lines,
        List<Tender> tenders, BigDecimal total) {
}
