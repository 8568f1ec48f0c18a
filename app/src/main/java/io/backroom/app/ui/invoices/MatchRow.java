package io.backroom.app.ui.invoices;

/**
 * One line of the match grid, formatted.
 *
 * @param broken the tolerance(s) this line broke, in words, or empty when it matched
 */
public record MatchRow(String line, String item, String ordered, String received, String previouslyInvoiced,
                       String invoiced, String poPrice, String invoicePrice, String variance, String broken) {

    /** Whether the line broke a tolerance (the grid highlights it). */
    public boolean isBroken() {
        return !broken.isEmpty();
    }
}
