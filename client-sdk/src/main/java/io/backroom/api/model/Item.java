package io.backroom.api.model;

/**
 * A sellable item.
 *
 * @param cost purchase price from its supplier, in the supplier's currency
 */
public record Item(String id, String sku, String name, String category, String unit, Money cost, String supplierId) {
}
