package io.backroom.app.ui.invoices;

import io.backroom.app.services.outbox.OutboxState;

/**
 * One queued decision as the clerk sees it.
 *
 * @param id        outbox id
 * @param queuedAt  when it was taken, in the user's zone
 * @param invoice   the invoice in business terms (number and supplier) where the console knows it, else its id
 * @param action    what was decided
 * @param state     waiting, sending, failed, conflict
 * @param attempts  how often it was sent
 * @param problem   the last failure or conflict, in words, or empty
 * @param invoiceId the gateway's id of the invoice
 * @param status    the outbox state
 */
public record OutboxRow(long id, String queuedAt, String invoice, String action, String state, int attempts,
                        String problem, String invoiceId, OutboxState status) {
}
