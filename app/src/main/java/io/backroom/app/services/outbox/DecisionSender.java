package io.backroom.app.services.outbox;

/**
 * The {@link CommandSender} of {@link InvoiceDecisions#KIND invoice decisions}
 * ({@code POST /api/v1/invoices/{id}/decisions} with {@code Idempotency-Key} and {@code If-Match}).
 */
@FunctionalInterface
public interface DecisionSender extends CommandSender {
}
