package io.backroom.sampledata.model;

/** Header-level charges a supplier adds to an invoice. */
public enum ChargeType {
    FREIGHT, HANDLING, FUEL_SURCHARGE, INSURANCE
}
