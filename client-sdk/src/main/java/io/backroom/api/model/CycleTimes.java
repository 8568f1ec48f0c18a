package io.backroom.api.model;

import java.math.BigDecimal;

/** Hours from an invoice's hold to the person's decision that closed it. */
public record CycleTimes(long decisions, BigDecimal medianHours, BigDecimal p90Hours, BigDecimal meanHours) {
}
