package io.backroom.sampledata.generator;

/**
 * Sizes of a generated retailer. Master data (250 stores, suppliers, items, users) is the same in every preset;
 * presets differ in history length and volume.
 *
 * @param historyDays days of purchase-order history before the as-of date
 * @param purchaseOrdersPerWeekday mean POs per weekday (weekends see 30 %)
 * @param expenseScale multiplier on the per-store monthly rate of non-PO expense invoices
 * @param posStores number of stores with POS journals (spread over all regions and tiers)
 * @param posDays days of POS journals before the as-of date
 * @param gzip whether JSON Lines files are gzipped by default
 */
public record Preset(String name, int storeCount, int merchandiseSuppliers, int serviceSuppliers, int itemCount,
        int historyDays, double purchaseOrdersPerWeekday, double expenseScale, int posStores, int posDays,
        boolean gzip) {

    public Preset {
        require(storeCount >= 1 && storeCount <= 999, "storeCount must be 1..999", storeCount);
        require(merchandiseSuppliers >= 1, "merchandiseSuppliers must be >= 1", merchandiseSuppliers);
        require(serviceSuppliers >= 0, "serviceSuppliers must be >= 0", serviceSuppliers);
        require(itemCount >= 1 && itemCount <= 99_999, "itemCount must be 1..99999", itemCount);
        require(historyDays >= 1, "historyDays must be >= 1", historyDays);
        require(purchaseOrdersPerWeekday >= 0, "purchaseOrdersPerWeekday must be >= 0", purchaseOrdersPerWeekday);
        require(expenseScale >= 0, "expenseScale must be >= 0", expenseScale);
        require(posStores >= 0, "posStores must be >= 0", posStores);
        require(posDays >= 0, "posDays must be >= 0", posDays);
    }

    private static void require(boolean ok, String rule, double value) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid preset: " + rule + ", was " + value);
        }
    }

    /** The committed demo set: three months of procurement, four weeks of POS in 24 stores. */
    public static final Preset DEMO = new Preset("demo", 250, 160, 40, 5200, 92, 80, 0.5, 24, 28, true);

    /** The benchmark-sized set: a year of procurement (>= 100 000 invoices), three weeks of POS in all stores. */
    public static final Preset LARGE = new Preset("large", 250, 160, 40, 5200, 365, 360, 1.0, 250, 21, false);

    /** A preset by name ({@code demo} or {@code large}). */
    public static Preset named(String name) {
        return switch (name) {
            case "demo" -> DEMO;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("Unknown preset '" + name + "': use demo or large");
        };
    }
}
