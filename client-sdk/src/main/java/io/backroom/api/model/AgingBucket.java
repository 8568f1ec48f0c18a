package io.backroom.api.model;

/**
 * Held invoices by how long they have been held.
 *
 * @param maxDays inclusive upper bound; {@code null} for the last, open-ended bucket
 */
public record AgingBucket(String label, int minDays, Integer maxDays, long count) {
}
