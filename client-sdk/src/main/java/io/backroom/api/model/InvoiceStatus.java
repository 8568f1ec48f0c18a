package io.backroom.api.model;

/**
 * Where an invoice stands.
 * <ul>
 * <li>{@code MATCHED}: passed the three-way match untouched and posted for payment;</li>
 * <li>{@code ON_HOLD}: one or more open holds;</li>
 * <li>{@code ROUTED_TO_BUYER}: on hold, waiting for the buyer named as assignee;</li>
 * <li>{@code AWAITING_CREDIT}: on hold, a credit note was requested from the supplier;</li>
 * <li>{@code RELEASED}: released by a person or by the system after a re-match, and posted;</li>
 * <li>{@code REJECTED}: will not be paid;</li>
 * <li>{@code APPLIED}: a credit note taken into account.</li>
 * </ul>
 */
public enum InvoiceStatus {
    MATCHED, ON_HOLD, ROUTED_TO_BUYER, AWAITING_CREDIT, RELEASED, REJECTED, APPLIED
}
