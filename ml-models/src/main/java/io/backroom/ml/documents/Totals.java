package io.backroom.ml.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Subtotal, tax and total chosen among every labelled amount of the document by consistency, not by
 * position: each amount gets a role from the words printed beside it (or above it, in a row of
 * boxes), then the (subtotal, tax, total) combination that adds up wins; a grand total beats a
 * balance or amount-due line, paid / previous-balance lines are never the total. When nothing adds
 * up the strongest labels are kept and the result says so ({@link Choice#consistent()}).
 */
final class Totals {
    /** What an amount's label says it is. */
    enum Role { SUBTOTAL, TAX, TAX_INCLUDED, GRAND_TOTAL, TOTAL, TOTAL_DUE, DUE, PAID, NONE }

    /** One amount on the page with its label. */
    record Candidate(BigDecimal amount, Role role, int line, String label, String currency) {
    }

    /** The chosen amounts (any may be null) and whether they passed the checks. */
    record Choice(BigDecimal subtotal, BigDecimal tax, BigDecimal total, int totalLine, boolean consistent, String note) {
    }

    private static final BigDecimal ROUNDING = new BigDecimal("0.02");
    private static final String TAX_WORD = "(?:vat|tax|gst|tva|mwst|ust|umsatzsteuer|mehrwertsteuer|btw|iva|impuesto|imposta|igic)";
    private static final String TOTAL_WORD = "(?:grand\\s+total|total|totale|totaal|gesamt\\w*|summe|\\w+betrag|endbetrag|ttc|importe\\s+total|"
            + "totaalbedrag|total\\w*)";
    private static final Pattern PAID = Pattern.compile("\\b(?:previous\\s+balance|balance\\s+(?:brought\\s+)?forward|saldo\\s+anterior|"
            + "solde\\s+precedent|saldovortrag|vorig\\s+saldo|saldo\\s+precedente|payments?\\s+received|(?:amount\\s+)?paid|deposit|"
            + "bezahlt|anzahlung|acompte|aanbetaling|anticipo|acconto|pagado|pagato|regle|betaald|zahlung\\s+erhalten|"
            + "paiement\\s+recu|pago\\s+recibido|pagamento\\s+ricevuto|betaling\\s+ontvangen|gutgeschrieben|already|bereits|deja|gia|reeds)\\b");
    private static final Pattern TAX_INCLUDED = Pattern.compile("\\b(?:of\\s+which|includes|included|including|incl\\.?|inkl\\.?|"
            + "darin\\s+enthalten|enthalten\\w*|davon|dont|inclus\\w*|waarvan|inclusief|incluido|incluida|di\\s+cui|compres[ao]|con)\\s*"
            + "(?:de\\s+|la\\s+)?(?:\\d+(?:[.,]\\d+)?\\s*%\\s*)?" + TAX_WORD + "\\b|\\b" + TAX_WORD + "\\s+(?:\\d+(?:[.,]\\d+)?\\s*%\\s*)?"
            + "(?:incluid[ao]|inclus[ae]?|inclusa|included|enthalten)\\b");
    private static final Pattern TAX_AMOUNT = Pattern.compile("\\b(?:total|totale|summe|montant|importe|importo|cuota|betrag|bedrag)\\s+"
            + "(?:de\\s+(?:la\\s+)?|der\\s+|dell'?\\s*)?" + TAX_WORD + "\\b|\\b" + TAX_WORD
            + "[-\\s]*(?:amount|total|betrag|bedrag|montant|importe|importo)\\b|\\bzzgl\\.?|\\bplus\\s+" + TAX_WORD);
    private static final Pattern TAX = Pattern.compile("\\b" + TAX_WORD + "\\b(?!\\s*-?\\s*(?:no\\b|nr\\b|number|id\\b|reg|registration|#|"
            + "nummer|intra))|\\bsales\\s+tax\\b");
    private static final Pattern SUBTOTAL = Pattern.compile("\\b(?:sub-?\\s?total\\w*|sous-?\\s?total|net(?:to)?(?:\\s+(?:total|amount|bedrag|betrag))?|neto|"
            + "(?:total|totaal|totale|summe|gesamt|montant|importe)\\s+(?:net(?:to)?|excl\\w*|exkl\\w*|h\\.?\\s?t\\.?|hors\\s+taxes?|"
            + "before\\s+tax|sin\\s+iva|imponibile|ohne)|amount\\s+excl\\w*|nettobetrag|nettosumme|zwischensumme|"
            + "subtotaal|base\\s+imponible|imponibile|importe\\s+neto|montant\\s+h\\.?\\s?t|h\\.?t\\.?|excl\\.?\\s+" + TAX_WORD + "|"
            + "(?:overdue\\s+amount|amount\\s+overdue|uberfalliger\\s+betrag|faelliger\\s+betrag|importe\\s+vencido|"
            + "montant\\s+(?:echu|impaye|du\\s+echu)|achterstallig\\s+bedrag|vervallen\\s+bedrag|importo\\s+scaduto))\\b");
    private static final Pattern DUE = Pattern.compile("\\b(?:amount\\s+(?:due|payable|to\\s+pay|outstanding)|balance(?:\\s+due)?|"
            + "outstanding|saldo(?:\\s+(?:pendiente|da\\s+pagare|a\\s+pagar))?|solde|net\\s+a\\s+payer|reste\\s+a\\s+payer|"
            + "a\\s+payer|zu\\s+zahlen\\w*|zahlbetrag|offener?\\s+(?:betrag|saldo|posten)|te\\s+betalen|openstaand\\w*(?:\\s+bedrag)?|"
            + "importe\\s+(?:a\\s+pagar|pendiente)|netto\\s+a\\s+pagare|da\\s+pagare|a\\s+pagar|payable|due)\\b");
    private static final Pattern GRAND = Pattern.compile("\\b(?:grand\\s+total|invoice\\s+total|total\\s+(?:amount\\s+)?incl\\w*|"
            + "total\\s+(?:t\\.?t\\.?c|toutes\\s+taxes)|montant\\s+(?:total\\s+)?ttc|ttc|gesamtbetrag|rechnungsbetrag|rechnungssumme|"
            + "endbetrag|bruttobetrag|gesamt\\s+(?:inkl|brutto)\\w*|summe\\s+brutto|totaal\\s+incl\\w*|totaalbedrag\\s+incl\\w*|"
            + "factuurbedrag|total\\s+(?:factura|con\\s+iva)|importe\\s+total|totale\\s+(?:fattura|documento|ivato|iva\\s+(?:\\d+(?:[.,]\\d+)?\\s*%\\s*)?compresa)|"
            + "total\\s+\\(|this\\s+(?:bill|invoice|period)|diese[rs]?\\s+(?:rechnung|abrechnung)|cette\\s+facture|deze\\s+(?:nota|factuur)|"
            + "esta\\s+factura|questa\\s+(?:bolletta|fattura))");
    private static final Pattern NET_TO_PAY = Pattern.compile("\\b(?:net\\s+a\\s+payer|netto\\s+a\\s+pagare|neto\\s+a\\s+pagar)\\b");
    private static final Pattern SUBTOTAL_FIRST = Pattern.compile("^\\s*(?:sub-?\\s?total|sous-?\\s?total|zwischensumme|subtotaal)");
    private static final Pattern TOTAL = Pattern.compile("\\b" + TOTAL_WORD + "\\b");

    private Totals() {
    }

    /** The role of an amount from its (folded) label. */
    static Role role(String label) {
        String l = label.toLowerCase(Locale.ROOT).trim();
        if (l.isEmpty() || !l.matches(".*\\p{L}{2}.*")) {
            return Role.NONE;
        }
        boolean grand = GRAND.matcher(l).find();
        if (PAID.matcher(l).find() && !grand) {
            return Role.PAID;
        }
        boolean total = TOTAL.matcher(l).find();
        if (grand && !SUBTOTAL_FIRST.matcher(l).find()) {
            return Role.GRAND_TOTAL;
        }
        if (TAX_AMOUNT.matcher(l).find()) {
            return Role.TAX;
        }
        if (NET_TO_PAY.matcher(l).find()) {
            return Role.DUE;
        }
        if (SUBTOTAL.matcher(l).find()) {
            return Role.SUBTOTAL;
        }
        if (TAX_INCLUDED.matcher(l).find()) {
            return total ? Role.GRAND_TOTAL : Role.TAX_INCLUDED;
        }
        if (TAX.matcher(l).find() && !total) {
            return Role.TAX;
        }
        boolean due = DUE.matcher(l).find();
        if (total && due) {
            return Role.TOTAL_DUE;
        }
        if (total) {
            return Role.TOTAL;
        }
        return due ? Role.DUE : Role.NONE;
    }

    private static double strength(Role r) {
        return switch (r) {
            case GRAND_TOTAL -> 3;
            case TOTAL, TOTAL_DUE -> 2.5;
            case DUE -> 1.5;
            case PAID -> 0.2;
            default -> 0;
        };
    }

    /** Chooses subtotal, tax and total among the candidates. */
    static Choice choose(List<Candidate> all) {
        List<Candidate> totals = new ArrayList<>();
        List<Candidate> subtotals = new ArrayList<>();
        List<Candidate> taxes = new ArrayList<>();
        for (Candidate c : all) {
            switch (c.role()) {
                case GRAND_TOTAL, TOTAL, TOTAL_DUE, DUE, PAID -> totals.add(c);
                case SUBTOTAL -> subtotals.add(c);
                case TAX, TAX_INCLUDED -> taxes.add(c);
                default -> { }
            }
        }
        List<BigDecimal[]> taxOptions = new ArrayList<>();
        taxOptions.add(null);
        BigDecimal taxSum = BigDecimal.ZERO;
        java.util.Set<BigDecimal> seen = new java.util.HashSet<>();
        for (Candidate t : taxes) {
            taxOptions.add(new BigDecimal[] {t.amount(), t.role() == Role.TAX_INCLUDED ? BigDecimal.ONE : BigDecimal.ZERO});
            if (seen.add(t.amount().stripTrailingZeros())) {
                taxSum = taxSum.add(t.amount());
            }
        }
        if (seen.size() > 1) {
            taxOptions.add(new BigDecimal[] {taxSum, BigDecimal.ZERO});
        }
        double best = Double.NEGATIVE_INFINITY;
        Choice choice = null;
        int lines = all.stream().mapToInt(Candidate::line).max().orElse(0) + 1;
        for (Candidate t : totals) {
            List<Candidate> subs = new ArrayList<>(subtotals);
            subs.add(null);
            for (Candidate s : subs) {
                for (BigDecimal[] x : taxOptions) {
                    BigDecimal tax = x == null ? null : x[0];
                    boolean included = x != null && x[1].signum() > 0;
                    double score = strength(t.role()) + 0.3 * t.line() / lines;
                    boolean adds = false;
                    if (s != null && tax != null) {
                        adds = s.amount().add(tax).subtract(t.amount()).abs().compareTo(ROUNDING) <= 0;
                        score += adds ? 6 : -0.3;
                    } else if (s != null) {
                        adds = s.amount().compareTo(t.amount()) == 0;
                        score += adds ? 1 : (s.amount().compareTo(t.amount()) > 0 ? -1.5 : taxes.isEmpty() ? 0.5 : -0.6);
                    } else if (tax != null) {
                        score += tax.compareTo(t.amount()) < 0 && tax.signum() >= 0 ? (included ? 1 : 0.3) : -2;
                    }
                    if (s != null && s.line() > t.line() && !adds) {
                        score -= 0.5;
                    }
                    if (t.amount().signum() == 0) {
                        score -= 1;
                    }
                    if (score > best) {
                        best = score;
                        BigDecimal sub = s == null ? null : s.amount();
                        if (included && tax != null && (sub == null || !adds)) {
                            sub = t.amount().subtract(tax);
                            adds = true;
                        }
                        choice = new Choice(sub, tax, t.amount(), t.line(), adds, adds ? "subtotal + tax = total"
                                : "subtotal + tax do not add up to the total");
                    }
                }
            }
        }
        if (choice == null && !subtotals.isEmpty()) {
            Candidate s = subtotals.get(subtotals.size() - 1);
            BigDecimal tax = taxes.isEmpty() ? null : taxes.get(taxes.size() - 1).amount();
            return new Choice(s.amount(), tax, tax == null ? null : s.amount().add(tax), s.line(), false,
                    "no total printed: derived from subtotal and tax");
        }
        return choice == null ? new Choice(null, taxes.isEmpty() ? null : taxes.get(0).amount(), null, -1, false, "no total found")
                : choice;
    }
}
