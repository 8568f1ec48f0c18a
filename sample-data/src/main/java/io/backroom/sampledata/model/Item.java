package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A sellable item. {@code cost} is the purchase price from its supplier (in the supplier's currency);
 * {@code retailPrice} the shelf price including tax, in the stores' currency.
 */
public record Item(String id, String sku, String name, String category, String unit, BigDecimal cost,
        BigDecimal retailPrice, String supplierId, String supplierSku, List<ReorderPolicy> reorderPolicies) {
}
