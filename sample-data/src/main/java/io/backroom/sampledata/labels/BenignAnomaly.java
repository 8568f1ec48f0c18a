package io.backroom.sampledata.labels;

/** Honest reasons a shift looks unusual; labelled so a model's false positives can be explained. */
public enum BenignAnomaly {
    NEW_CASHIER_VOIDS, HOLIDAY_RETURNS_PEAK, CHANGE_FOR_FLOAT_NO_SALES, PROMOTION_DAY_DISCOUNTS,
    PRICE_MATCH_OVERRIDES
}
