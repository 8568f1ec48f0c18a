package io.backroom.gateway.ap;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.LineMatch;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result of a three-way match.
 *
 * @param lines       per invoice line, in input order; {@code null} entries for lines that could not be matched
 * @param holds       the holds the invoice must carry (empty: it matched)
 * @param computedTax the tax computed from the lines' rates
 */
public record MatchOutcome(List<LineMatch> lines, List<HoldDraft> holds, BigDecimal computedTax) {
    /** A hold to raise: code, invoice line ({@code null} for header) and what is wrong in words. */
    public record HoldDraft(HoldCode code, Integer lineNo, String message) {
    }

    public boolean clean() {
        return holds.isEmpty();
    }
}
