package io.backroom.sampledata.model;

import java.math.BigDecimal;

/** A payment (positive) or refund (negative) in one tender type. */
public record Tender(TenderType type, BigDecimal amount) {
}
