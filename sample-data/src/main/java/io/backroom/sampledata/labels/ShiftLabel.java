package io.backroom.sampledata.labels;

/**
 * Ground truth for one cashier shift (one row for every shift). {@code pattern} is {@code null} unless
 * {@code fraud}; {@code benignAnomaly} is {@code null} unless an honest anomaly was injected.
 */
public record ShiftLabel(String shiftId, String cashierId, boolean fraud, FraudPattern pattern,
        BenignAnomaly benignAnomaly, int fraudulentTransactions) {
}
