package io.backroom.app.ui.invoices;

/**
 * One queued decision as the clerk sees it.
 *
 * @param id       outbox id
 * @param queuedAt when it was taken, in the user's zone
 * @param invoice  the invoice
 * @param action   what was decided
 * @param state    pending, sending, failed, conflict
 * @param attempts how often it was sent
 * @param problem  the last failure or conflict, in words, or empty
 */
public record OutboxRow(long id, String queuedAt, String invoice, String action, String state, int attempts,
                        String problem) {
}
