package io.backroom.sampledata.labels;

/** Ground truth for one fraudulent POS transaction; transactions without a row are honest. */
public record TransactionLabel(String transactionId, String shiftId, FraudPattern pattern) {
}
