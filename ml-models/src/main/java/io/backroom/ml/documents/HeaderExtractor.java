package io.backroom.ml.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds header fields by label and position, never by template coordinates: a field's label is
 * found in any of five languages ({@link Labels}); its value is the first value of the right kind
 * to the right of the label on the same line, or else in the lines just below, under the label
 * (box and column layouts). Specific labels are consumed before generic ones (due date before
 * date, subtotal before total).
 */
final class HeaderExtractor {
    private static final Pattern ISO_CODE = Pattern.compile("\\b(EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN|CZK|HUF)\\b");
    private static final Pattern SYMBOL = Pattern.compile("[€£$]");
    private static final Pattern PERCENT = Pattern.compile("\\d+(?:[.,]\\d+)?\\s*%");
    private static final Pattern ID_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-/_.]*");
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "\\b(?:ltd|limited|plc|llc|inc|corp|gmbh|ag|kg|ohg|ug|sarl|sas|sa|s\\.a\\.|s\\.l\\.|sl|srl|bv|b\\.v\\.|nv|n\\.v\\.|vof|eurl|sasu|co)\\b\\.?");
    private static final List<String> FILLER = List.of("no", "no.", "nr", "nr.", "n", "n.", "number", "num", "#", ":", "-", "o", "º",
            "ref", "ref.", "reference", "nummer", "numero", "de", "du", "la");
    private static final Pattern PO_LIKE = Pattern.compile("\\bP\\.?O\\.?[-/ ]?\\d[\\d\\-/]{3,}\\b", Pattern.CASE_INSENSITIVE);

    private final PageText page;
    private final List<String> folded;
    private final List<char[]> masked;
    private final Dates.Order dateOrder;

    HeaderExtractor(PageText page, boolean usEnglish) {
        this.page = page;
        this.folded = page.lines().stream().map(l -> Text.fold(l.text())).toList();
        this.masked = folded.stream().map(String::toCharArray).toList();
        this.dateOrder = Dates.detectOrder(String.join("\n", folded), usEnglish);
    }

    HeaderFields extract() {
        LocalDate due = field(Labels.DUE_DATE, this::date, false).orElse(null);
        BigDecimal subtotal = field(Labels.SUBTOTAL, this::amount, true).orElse(null);
        BigDecimal tax = field(taxLabels(), this::amount, true).orElse(null);
        Optional<Located<BigDecimal>> totalHit = fieldLocated(Labels.TOTAL, this::amount, true);
        BigDecimal total = totalHit.map(Located::value).orElse(null);
        String po = field(Labels.PO, this::poId, false).orElse(null);
        if (po == null) {
            Matcher like = PO_LIKE.matcher(page.text());
            po = like.find() ? like.group() : null;
        }
        String number = field(Labels.NUMBER, this::id, false).orElse(null);
        LocalDate date = field(Labels.DOCUMENT_DATE, this::date, false).orElse(null);
        if (date == null) {
            date = fieldLocated(Labels.GENERIC_DATE, this::date, false, false).map(Located::value).orElse(null);
        }
        if (date == null) {
            date = standaloneDate(due);
        }
        if (date == null) {
            date = firstDateAnywhere(due);
        }
        if (total == null && subtotal != null && tax != null) {
            total = subtotal.add(tax);
        }
        if (subtotal == null && total != null && tax != null) {
            subtotal = total.subtract(tax);
        }
        if (tax == null && total != null && subtotal != null && total.compareTo(subtotal) >= 0) {
            tax = total.subtract(subtotal);
        }
        if (total != null && subtotal == null && tax == null) {
            subtotal = total;
            tax = total.signum() == 0 ? total : BigDecimal.ZERO.setScale(total.scale());
        }
        String currency = currency(totalHit.map(Located::line).orElse(-1));
        return new HeaderFields(supplier(), number, date, due, po, currency, subtotal, tax, total);
    }

    private static List<Pattern> taxLabels() {
        List<Pattern> tax = new ArrayList<>();
        tax.add(Pattern.compile("\\b(?:total\\s+)?(?:vat|tax|tva|mwst|ust|btw|iva)\\s+(?:amount|total|montant|betrag|bedrag|importe)\\b"));
        tax.add(Pattern.compile("\\b(?:total|montant|summe|totaal|importe|cuota)\\s+(?:de\\s+(?:la\\s+)?)?(?:vat|tax|tva|mwst|ust|btw|iva)\\b"));
        tax.add(Pattern.compile("\\b(?:zzgl|plus|inkl|incl|including|con)\\.?\\s+(?:vat|tax|tva|mwst|ust|btw|iva)\\b"));
        tax.addAll(Labels.TAX);
        return tax;
    }

    private record Located<T>(T value, int line) {
    }

    private <T> Optional<T> field(List<Pattern> labels, Function<String, Optional<T>> parser, boolean amounts) {
        return fieldLocated(labels, parser, amounts).map(Located::value);
    }

    /**
     * Tries each label pattern in order. For amounts a value on the label's own line wins and the
     * bottom-most such hit is taken (totals sit at the end); otherwise the first hit with a value.
     */
    private <T> Optional<Located<T>> fieldLocated(List<Pattern> labels, Function<String, Optional<T>> parser, boolean amounts) {
        return fieldLocated(labels, parser, amounts, true);
    }

    private <T> Optional<Located<T>> fieldLocated(List<Pattern> labels, Function<String, Optional<T>> parser, boolean amounts,
                                                  boolean allowBelow) {
        Optional<Located<T>> found = Optional.empty();
        for (Pattern label : labels) {
            Located<T> sameLine = null;
            for (int[] hit : hits(label)) {
                String text = original(hit[0]);
                Optional<T> v = parser.apply(text.substring(Math.min(hit[2], text.length())));
                if (v.isPresent()) {
                    sameLine = new Located<>(v.get(), hit[0]);
                    if (!amounts) {
                        break;
                    }
                }
            }
            if (sameLine != null) {
                found = Optional.of(sameLine);
                break;
            }
        }
        if (found.isEmpty() && allowBelow) {
            outer:
            for (Pattern label : labels) {
                for (int[] hit : hits(label)) {
                    Optional<T> v = below(hit, parser);
                    if (v.isPresent()) {
                        found = Optional.of(new Located<>(v.get(), hit[0] + 1));
                        break outer;
                    }
                }
            }
        }
        for (Pattern label : labels) {
            for (int[] hit : hits(label)) {
                Arrays.fill(masked.get(hit[0]), hit[1], hit[2], '#');
            }
        }
        return found;
    }

    /** Every unmasked match: {line, start, end}. */
    private List<int[]> hits(Pattern label) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < masked.size(); i++) {
            Matcher m = label.matcher(new String(masked.get(i)));
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new int[] {i, m.start(), m.end()});
                }
            }
        }
        return out;
    }

    private String original(int line) {
        String text = page.lines().get(line).text();
        return text.length() == folded.get(line).length() ? text : folded.get(line);
    }

    /** The value under the label: words of the next lines overlapping the label's horizontal span. */
    private <T> Optional<T> below(int[] hit, Function<String, Optional<T>> parser) {
        PageText.Line line = page.lines().get(hit[0]);
        float[] span = span(line, hit[1], hit[2]);
        for (int next = hit[0] + 1; next < Math.min(page.lines().size(), hit[0] + 4); next++) {
            PageText.Line below = page.lines().get(next);
            if (below.y() - line.y() > Math.max(40f, line.maxHeight() * 4)) {
                break;
            }
            StringBuilder text = new StringBuilder();
            for (PageText.Word w : below.words()) {
                if (w.xEnd() >= span[0] - 25 && w.x() <= span[1] + 25) {
                    text.append(w.text()).append(' ');
                }
            }
            Optional<T> v = parser.apply(text.toString());
            if (v.isPresent()) {
                return isTableColumn(next, span, parser) ? Optional.empty() : v;
            }
        }
        return Optional.empty();
    }

    /** Whether the line after {@code row} also has a value under the span: a table column, not a labelled box. */
    private <T> boolean isTableColumn(int row, float[] span, Function<String, Optional<T>> parser) {
        if (row + 1 >= page.lines().size()) {
            return false;
        }
        PageText.Line current = page.lines().get(row);
        PageText.Line after = page.lines().get(row + 1);
        if (after.y() - current.y() > Math.max(30f, current.maxHeight() * 4)) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (PageText.Word w : after.words()) {
            if (w.xEnd() >= span[0] - 25 && w.x() <= span[1] + 25) {
                text.append(w.text()).append(' ');
            }
        }
        return parser.apply(text.toString()).isPresent();
    }

    /** The x-extent of the characters [start, end) of a line's text. */
    private static float[] span(PageText.Line line, int start, int end) {
        float x0 = Float.MAX_VALUE;
        float x1 = 0;
        int offset = 0;
        for (PageText.Word w : line.words()) {
            int wEnd = offset + w.text().length();
            if (wEnd > start && offset < end) {
                x0 = Math.min(x0, w.x());
                x1 = Math.max(x1, w.xEnd());
            }
            offset = wEnd + 1;
        }
        return x0 == Float.MAX_VALUE ? new float[] {line.x(), line.x() + 50} : new float[] {x0, x1};
    }

    private Optional<BigDecimal> amount(String text) {
        String cleaned = PERCENT.matcher(text).replaceAll(" ");
        return Amounts.find(cleaned).map(Amounts.Money::amount);
    }

    private Optional<LocalDate> date(String text) {
        List<Dates.Found> found = Dates.findAll(Text.fold(text), dateOrder);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).date());
    }

    private Optional<String> id(String text) {
        int skipped = 0;
        for (String raw : text.trim().split("\\s+")) {
            String token = raw.replaceAll("^[:#°º]+", "").replaceAll("[:,;)]+$", "");
            if (token.isEmpty() || FILLER.contains(Text.fold(token))) {
                continue;
            }
            if (ID_TOKEN.matcher(token).matches() && token.chars().anyMatch(Character::isDigit) && token.length() >= 2) {
                if (!Dates.findAll(Text.fold(token), dateOrder).isEmpty() && !token.matches(".*[A-Za-z].*")) {
                    return Optional.empty();
                }
                return Optional.of(token.replaceAll("\\.$", ""));
            }
            if (++skipped > 1 || token.length() > 10) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<String> poId(String text) {
        return id(text);
    }

    /** A date standing alone in a cell near the top (a letter's date line, "Köln, 9. Oktober 2026"). */
    private LocalDate standaloneDate(LocalDate due) {
        List<PageText.Line> lines = page.lines();
        for (int i = 0; i < Math.min(lines.size(), 20); i++) {
            for (PageText.Line cell : lines.get(i).cells()) {
                String f = Text.fold(cell.text()).trim();
                List<Dates.Found> found = Dates.findAll(f, dateOrder);
                if (found.size() == 1 && f.replaceAll("[^a-z]", "").length() <= 14 && !found.get(0).date().equals(due)) {
                    return found.get(0).date();
                }
            }
        }
        return null;
    }

    private LocalDate firstDateAnywhere(LocalDate due) {
        for (String line : folded) {
            for (Dates.Found f : Dates.findAll(line, dateOrder)) {
                if (!f.date().equals(due)) {
                    return f.date();
                }
            }
        }
        return null;
    }

    private String currency(int totalLine) {
        if (totalLine >= 0 && totalLine < page.lines().size()) {
            String text = page.lines().get(totalLine).text();
            Matcher iso = ISO_CODE.matcher(text);
            if (iso.find()) {
                return iso.group(1);
            }
            Matcher sym = SYMBOL.matcher(text);
            if (sym.find()) {
                return Amounts.currency(sym.group());
            }
        }
        String all = page.text();
        Matcher iso = ISO_CODE.matcher(all);
        if (iso.find()) {
            return iso.group(1);
        }
        Matcher sym = SYMBOL.matcher(all);
        return sym.find() ? Amounts.currency(sym.group()) : null;
    }

    /**
     * The supplier: a labelled "From:"/"Lieferant:" line, else the most prominent line near the top
     * (largest font, a company legal form, not a title, not in the bill-to block).
     */
    private String supplier() {
        List<PageText.Line> lines = page.lines();
        for (int i = 0; i < lines.size(); i++) {
            for (Pattern p : Labels.SUPPLIER) {
                Matcher m = p.matcher(folded.get(i));
                if (m.find()) {
                    String rest = original(i).substring(m.end()).trim();
                    if (!rest.isEmpty()) {
                        return rest;
                    }
                    if (i + 1 < lines.size()) {
                        return lines.get(i + 1).text().trim();
                    }
                }
            }
        }
        int buyerBlockEnd = -1;
        double best = Double.NEGATIVE_INFINITY;
        String bestText = null;
        int limit = Math.min(lines.size(), 25);
        for (int i = 0; i < limit; i++) {
            String lineText = folded.get(i);
            if (Labels.BUYER.stream().anyMatch(p -> p.matcher(lineText).find())) {
                buyerBlockEnd = i + 4;
                continue;
            }
            if (i <= buyerBlockEnd) {
                continue;
            }
            for (PageText.Line cell : lines.get(i).cells()) {
                String f = Text.fold(cell.text()).trim();
                if (!f.matches(".*[a-z]{2}.*") || DocumentTypes.isTitle(f) || f.replaceAll("[^a-z]", "").length() <= 3) {
                    continue;
                }
                long digits = f.chars().filter(Character::isDigit).count();
                if (digits > 4 || f.contains("@") || f.contains("www") || f.contains(":") || f.length() > 60
                        || Labels.BUYER.stream().anyMatch(p -> p.matcher(f).find())) {
                    continue;
                }
                double score = cell.maxHeight() * 2 - i * 0.8 + (LEGAL_FORM.matcher(f).find() ? 12 : 0);
                if (score > best) {
                    best = score;
                    bestText = cell.text().trim();
                }
            }
        }
        return bestText;
    }
}
