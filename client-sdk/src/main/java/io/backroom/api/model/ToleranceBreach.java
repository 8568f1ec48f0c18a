package io.backroom.api.model;

import java.math.BigDecimal;

/**
 * A tolerance a line or header broke.
 *
 * @param rule   the tolerance's name, for example {@code priceUpperPercent}
 * @param limit  the limit that applied
 * @param actual the value found
 * @param source where the limit came from: {@code global}, {@code category:<name>} or {@code supplier:<id>}
 */
public record ToleranceBreach(String rule, BigDecimal limit, BigDecimal actual, String source) {
}
