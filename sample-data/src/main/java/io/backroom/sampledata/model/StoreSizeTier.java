package io.backroom.sampledata.model;

/** Store size; drives traffic, registers, stock levels and reorder points. */
public enum StoreSizeTier {
    SMALL, MEDIUM, LARGE, FLAGSHIP
}
