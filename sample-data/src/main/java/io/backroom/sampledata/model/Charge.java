package io.backroom.sampledata.model;

import java.math.BigDecimal;

/** A charge on an invoice outside its lines, net of tax; taxed at the invoice lines' rate. */
public record Charge(ChargeType type, String description, BigDecimal amount) {
}
