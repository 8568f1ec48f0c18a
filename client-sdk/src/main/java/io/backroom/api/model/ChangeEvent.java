package io.backroom.api.model;

import java.time.Instant;

/**
 * One entry of the change feed {@code GET /api/v1/events}.
 *
 * @param cursor       pass as {@code after} to read what follows
 * @param type         for example {@code invoice.created}, {@code invoice.updated}, {@code purchase-order.created},
 *                     {@code goods-receipt.created}, {@code policy.updated}
 * @param resourceType {@code invoice}, {@code purchase-order}, {@code goods-receipt}, {@code policy}
 * @param version      the resource's version after the change
 */
public record ChangeEvent(String cursor, String type, String resourceType, String resourceId, long version,
        Instant occurredAt) {
}
