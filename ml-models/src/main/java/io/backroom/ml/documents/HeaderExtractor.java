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
    private final List<String> problems = new ArrayList<>();
    /** While a label list is searched: the lines where any of its labels matches (null: every line). */
    private java.util.BitSet scope;

    HeaderExtractor(PageText page, boolean usEnglish) {
        this.page = page;
        this.folded = page.lines().stream().map(l -> Text.fold(l.text())).toList();
        this.masked = folded.stream().map(String::toCharArray).toList();
        this.dateOrder = Dates.detectOrder(String.join("\n", folded), usEnglish);
    }

    HeaderFields extract() {
        LocalDate due = field(Labels.DUE_DATE, this::date, false).orElse(null);
        String po = field(Labels.PO, this::poId, false).orElse(null);
        if (po == null) {
            Matcher like = PO_LIKE.matcher(page.text());
            po = like.find() ? like.group() : null;
        }
        String number = field(Labels.NUMBER, this::id, false).orElse(null);
        if (number == null) {
            number = headerTable(Labels.BARE_NUMBER_HEADER, Labels.NUMBER, this::id).orElse(null);
        }
        if (number == null) {
            number = titleNumber();
        }
        if (number == null) {
            number = hashNumber();
        }
        mask(Labels.OTHER_DATES);
        LocalDate date = field(Labels.DOCUMENT_DATE, this::date, false).orElse(null);
        if (date == null) {
            date = headerTable(Labels.BARE_DATE_HEADER, Labels.DOCUMENT_DATE, this::date).orElse(null);
        }
        if (date == null) {
            date = fieldLocated(Labels.GENERIC_DATE, this::date, false, false).map(Located::value).orElse(null);
        }
        if (date == null) {
            date = standaloneDate(due);
        }
        if (date == null) {
            date = firstDateAnywhere(due);
        }
        Totals.Choice money = Totals.choose(amountCandidates());
        BigDecimal subtotal = money.subtotal();
        BigDecimal tax = money.tax();
        BigDecimal total = money.total();
        if (!money.consistent()) {
            boolean derivedTax = money.tax() == null && money.subtotal() != null && money.total() != null
                    && money.total().compareTo(money.subtotal()) >= 0;
            problems.add(derivedTax ? "no tax line beside the subtotal and total: tax taken as their difference" : money.note());
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
        if (number == null) {
            problems.add("no document number found");
        }
        if (date == null) {
            problems.add("no document date found");
        }
        if (date != null && due != null && due.isBefore(date)) {
            problems.add("the due date " + due + " is before the document date " + date);
        }
        String currency = currency(money.totalLine());
        return new HeaderFields(supplier(), number, date, due, po, currency, subtotal, tax, total);
    }

    /** The checks the fields failed (totals that do not add up, a due date before the date, a missing field). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void mask(List<Pattern> labels) {
        scope = linesWith(labels);
        for (Pattern label : labels) {
            for (int[] hit : hits(label)) {
                Arrays.fill(masked.get(hit[0]), hit[1], hit[2], '#');
            }
        }
        scope = null;
    }

    /** The lines where any of the labels matches (one pass with their union), so each label runs on those only. */
    private java.util.BitSet linesWith(List<Pattern> labels) {
        Pattern union = Labels.union(labels);
        java.util.BitSet lines = new java.util.BitSet(masked.size());
        for (int i = 0; i < masked.size(); i++) {
            if (Labels.anyAt(union, java.nio.CharBuffer.wrap(masked.get(i)))) {
                lines.set(i);
            }
        }
        return lines;
    }

    /**
     * Every amount printed with decimals or a currency, with the words that label it: the words before
     * it in its cell, else the cell to its left, else words beside it on the lines just above and below
     * (a label wrapped over two lines, the amount centred), else the words right above it (a row of
     * boxes), unless the amount is one of a column of amounts (an item table).
     */
    private List<Totals.Candidate> amountCandidates() {
        List<Totals.Candidate> out = new ArrayList<>();
        List<PageText.Line> lines = page.lines();
        List<List<PageText.Line>> cellsOf = new ArrayList<>(lines.size());
        for (PageText.Line line : lines) {
            cellsOf.add(line.cells());
        }
        for (int i = 0; i < lines.size(); i++) {
            List<PageText.Line> cells = cellsOf.get(i);
            for (int c = 0; c < cells.size(); c++) {
                PageText.Line cell = cells.get(c);
                if (!hasDigit(cell.text())) {
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                int[] wordStart = new int[cell.words().size()];
                for (int w = 0; w < cell.words().size(); w++) {
                    wordStart[w] = sb.length();
                    sb.append(Amounts.normalise(cell.words().get(w).text())).append(' ');
                }
                String text = sb.toString();
                String scanned = PERCENT_MASK.matcher(text).replaceAll(m -> "#".repeat(m.group().length()));
                List<Amounts.Hit> hits = Amounts.scan(scanned).stream().filter(h -> h.decimals() || h.money().currency() != null).toList();
                int from = 0;
                for (int k = 0; k < hits.size(); k++) {
                    Amounts.Hit hit = hits.get(k);
                    String label = text.substring(from, hit.start()).trim();
                    from = hit.end();
                    if (!label.matches(".*\\p{L}{2}.*") || CURRENCY_ONLY.matcher(label).matches()) {
                        label = "";
                        String left = k == 0 && c > 0 ? cells.get(c - 1).text().trim() : "";
                        if (!left.isEmpty() && lastMoney(Amounts.normalise(left)) == null && !CURRENCY_ONLY.matcher(left).matches()) {
                            label = left;
                        }
                    }
                    float x0 = Float.MAX_VALUE;
                    float x1 = 0;
                    for (int w = 0; w < wordStart.length; w++) {
                        int ws = wordStart[w];
                        int we = ws + cell.words().get(w).text().length() + 1;
                        if (we > hit.start() && ws < hit.end()) {
                            x0 = Math.min(x0, cell.words().get(w).x());
                            x1 = Math.max(x1, cell.words().get(w).xEnd());
                        }
                    }
                    if (x0 == Float.MAX_VALUE) {
                        x0 = cell.x();
                        x1 = x0 + 40;
                    }
                    if (label.isBlank() && hits.size() == 1) {
                        label = besideLabel(i, cell);
                    }
                    if (label.isBlank()) {
                        label = aboveLabel(i, x0, x1, cell.maxHeight());
                    }
                    Totals.Role role = Totals.role(Text.fold(label));
                    out.add(new Totals.Candidate(hit.money().amount(), role, i, label, hit.money().currency()));
                }
            }
        }
        return out;
    }

    private static final Pattern CURRENCY_ONLY = Pattern.compile("^(?:[€£$]|EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN)?$");
    private static final Pattern PERCENT_MASK = Pattern.compile("\\d+(?:[.,]\\d+)?\\s*%");

    private static Amounts.Hit lastMoney(String text) {
        if (!hasDigit(text)) {
            return null;
        }
        Amounts.Hit last = null;
        for (Amounts.Hit h : Amounts.scan(text)) {
            if (h.decimals() || h.money().currency() != null) {
                last = h;
            }
        }
        return last;
    }

    /** Words left of the cell on neighbouring baselines less than a line apart (a wrapped label beside a centred amount). */
    private String besideLabel(int row, PageText.Line cell) {
        float h = Math.max(4f, cell.maxHeight());
        StringBuilder label = new StringBuilder();
        for (int j = Math.max(0, row - 2); j < Math.min(page.lines().size(), row + 3); j++) {
            PageText.Line other = page.lines().get(j);
            if (j == row || Math.abs(other.y() - cell.y()) > h * 1.05f) {
                continue;
            }
            for (PageText.Word w : other.words()) {
                if (w.xEnd() <= cell.x() && w.xEnd() > cell.x() - 220) {
                    label.append(w.text()).append(' ');
                }
            }
        }
        return label.toString().trim();
    }

    /** Words right above the cell, when the line above holds no amounts and the line below none under the cell. */
    private String aboveLabel(int row, float x0, float x1, float height) {
        if (row == 0) {
            return "";
        }
        PageText.Line line = page.lines().get(row);
        float h = Math.max(4f, height);
        if (row + 1 < page.lines().size()) {
            PageText.Line below = page.lines().get(row + 1);
            if (below.y() - line.y() < h * 2.6f) {
                StringBuilder under = new StringBuilder();
                for (PageText.Word w : below.words()) {
                    if (w.xEnd() >= x0 - 2 && w.x() <= x1 + 2) {
                        under.append(w.text()).append(' ');
                    }
                }
                if (lastMoney(Amounts.normalise(under.toString())) != null) {
                    return "";
                }
            }
        }
        // Walk up over lines that only continue the value (a currency code wrapped above the amount) to the label.
        float y = line.y();
        for (int j = row - 1; j >= Math.max(0, row - 3); j--) {
            PageText.Line above = page.lines().get(j);
            if (y - above.y() > h * 3.2f) {
                return "";
            }
            StringBuilder label = new StringBuilder();
            for (PageText.Word w : above.words()) {
                if (aligned(w, x0, x1)) {
                    label.append(w.text()).append(' ');
                }
            }
            String text = label.toString().trim();
            if (lastMoney(Amounts.normalise(text)) != null) {
                return "";
            }
            y = above.y();
            if (CURRENCY_ONLY.matcher(text).matches()) {
                continue;
            }
            return text;
        }
        return "";
    }

    /**
     * A value under a column header in a header table: a line of header words (no digits) over one
     * line of values; columns come from the value line's gaps, each header word goes to the column
     * it overlaps most (or the nearest one).
     */
    private <T> Optional<T> headerTable(Pattern bareHeader, List<Pattern> labels, Function<String, Optional<T>> parser) {
        List<PageText.Line> lines = page.lines();
        for (int i = 0; i + 1 < Math.min(lines.size(), 45); i++) {
            PageText.Line head = lines.get(i);
            PageText.Line values = lines.get(i + 1);
            if (head.words().size() < 2 || head.text().chars().anyMatch(Character::isDigit)
                    || values.y() - head.y() > Math.max(30f, head.maxHeight() * 3.5f)
                    || lastMoney(Amounts.normalise(values.text())) != null) {
                // A row with money in it lists documents or items; header fields carry none.
                continue;
            }
            List<List<PageText.Word>> columns = new ArrayList<>();
            for (PageText.Word w : values.words()) {
                List<PageText.Word> last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
                if (last != null && w.x() - last.get(last.size() - 1).xEnd() <= Math.max(4f, w.height() * 0.9f)) {
                    last.add(w);
                } else {
                    columns.add(new ArrayList<>(List.of(w)));
                }
            }
            if (columns.size() < 2) {
                continue;
            }
            StringBuilder[] headers = new StringBuilder[columns.size()];
            for (int c = 0; c < headers.length; c++) {
                headers[c] = new StringBuilder();
            }
            for (PageText.Word w : head.words()) {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < columns.size(); c++) {
                    float x0 = columns.get(c).get(0).x();
                    float x1 = columns.get(c).get(columns.get(c).size() - 1).xEnd();
                    double overlap = Math.min(x1, w.xEnd()) - Math.max(x0, w.x());
                    double score = overlap > 0 ? overlap : -Math.abs((x0 + x1) / 2 - (w.x() + w.xEnd()) / 2);
                    if (score > bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
                headers[best].append(w.text()).append(' ');
            }
            for (int c = 0; c < columns.size(); c++) {
                String h = Text.fold(headers[c].toString()).trim().replaceAll("[:.]+$", "").trim();
                String hDot = Text.fold(headers[c].toString()).trim().replaceAll(":+$", "").trim();
                if (h.isEmpty()) {
                    continue;
                }
                boolean named = bareHeader.matcher(h).matches() || bareHeader.matcher(hDot).matches()
                        || labels.stream().anyMatch(p -> p.matcher(h).find());
                if (named) {
                    StringBuilder v = new StringBuilder();
                    columns.get(c).forEach(w -> v.append(w.text()).append(' '));
                    Optional<T> parsed = parser.apply(v.toString());
                    if (parsed.isPresent() && !listTable(i + 2, values, columns.get(c), parser)) {
                        return parsed;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the line at {@code row} continues the table with another value in the column: a list, not a header table. */
    private <T> boolean listTable(int row, PageText.Line values, List<PageText.Word> column, Function<String, Optional<T>> parser) {
        if (row >= page.lines().size()) {
            return false;
        }
        PageText.Line next = page.lines().get(row);
        if (next.y() - values.y() > Math.max(30f, values.maxHeight() * 3.5f)) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (PageText.Word w : alignedRun(next, column.get(0).x(), column.get(column.size() - 1).xEnd())) {
            text.append(w.text()).append(' ');
        }
        return parser.apply(text.toString()).isPresent();
    }

    private static final Pattern TITLE_NUMBER = Pattern.compile(
            "^\\s*(?:tax\\s+)?(?:invoice|rechnung|facture|factuur|factura|fattura|receipt|bill|recibo|ricevuta|quittung)\\b(.*)$");

    /** The number printed in a large title ("Invoice 2026-0412", "FACTURE F2026/118"). */
    private String titleNumber() {
        double[] heights = page.lines().stream().mapToDouble(PageText.Line::maxHeight).sorted().toArray();
        double median = heights.length == 0 ? 10 : heights[heights.length / 2];
        for (int i = 0; i < Math.min(page.lines().size(), 30); i++) {
            for (PageText.Line cell : page.lines().get(i).cells()) {
                if (cell.maxHeight() < median * 1.15) {
                    continue;
                }
                Matcher m = TITLE_NUMBER.matcher(Text.fold(cell.text()));
                if (m.matches()) {
                    String rest = cell.text().substring(Math.min(cell.text().length(), m.start(1)));
                    Optional<String> id = id(rest);
                    if (id.isPresent()) {
                        return id.get();
                    }
                }
            }
        }
        return null;
    }

    private static final Pattern HASH_NUMBER = Pattern.compile("^#\\s?([A-Za-z0-9][A-Za-z0-9\\-/_.]*)$");

    /** A "#0042"-style number standing alone near the top. */
    private String hashNumber() {
        for (int i = 0; i < Math.min(page.lines().size(), 20); i++) {
            for (PageText.Line cell : page.lines().get(i).cells()) {
                Matcher m = HASH_NUMBER.matcher(cell.text().trim());
                if (m.matches() && m.group(1).chars().anyMatch(Character::isDigit)) {
                    return m.group(1);
                }
            }
        }
        return null;
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
        scope = linesWith(labels);
        try {
            return fieldLocatedInScope(labels, parser, amounts, allowBelow);
        } finally {
            scope = null;
        }
    }

    private <T> Optional<Located<T>> fieldLocatedInScope(List<Pattern> labels, Function<String, Optional<T>> parser, boolean amounts,
                                                         boolean allowBelow) {
        Optional<Located<T>> found = Optional.empty();
        for (Pattern label : labels) {
            Located<T> sameLine = null;
            for (int[] hit : hits(label)) {
                String text = original(hit[0]);
                Optional<T> v = parser.apply(text.substring(Math.min(hit[2], text.length())));
                if (v.isEmpty()) {
                    v = wrappedBeside(hit, parser);
                }
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

    /**
     * A value beside its label but wrapped over two lines of a narrow cell and centred on the label
     * ("maandag 28" / "september 2026"): the words right of the label on this line joined with those
     * on the line just above or just below.
     */
    private <T> Optional<T> wrappedBeside(int[] hit, Function<String, Optional<T>> parser) {
        PageText.Line line = page.lines().get(hit[0]);
        float[] label = span(line, hit[1], hit[2]);
        String here = rightOf(line, label[1]);
        if (here.isEmpty()) {
            return Optional.empty();
        }
        float h = Math.max(4f, line.maxHeight());
        for (int d : new int[] {-1, 1, -2, 2, -3, 3}) {
            int j = hit[0] + d;
            if (j < 0 || j >= page.lines().size() || Math.abs(page.lines().get(j).y() - line.y()) > h * 2.2f) {
                continue;
            }
            // Above: the first part of a value centred on the label; below: its continuation, which may
            // also wrap back to the label's left edge (one cell holding "Label: value").
            String other = rightOf(page.lines().get(j), d < 0 ? label[1] : label[0]);
            if (other.isEmpty()) {
                continue;
            }
            Optional<T> v = parser.apply(d < 0 ? other + " " + here : here + " " + other);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static String rightOf(PageText.Line line, float x) {
        StringBuilder sb = new StringBuilder();
        for (PageText.Word w : line.words()) {
            if (w.x() >= x - 1 && w.x() - x < 200) {
                sb.append(w.text()).append(' ');
            }
        }
        return sb.toString().trim();
    }

    /** Every unmasked match: {line, start, end}. */
    private List<int[]> hits(Pattern label) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < masked.size(); i++) {
            if (scope != null && !scope.get(i)) {
                continue;
            }
            Matcher m = label.matcher(java.nio.CharBuffer.wrap(masked.get(i)));
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
            StringBuilder alignedText = new StringBuilder();
            for (PageText.Word w : alignedRun(below, span[0], span[1])) {
                alignedText.append(w.text()).append(' ');
            }
            Optional<T> v = parser.apply(alignedText.toString());
            if (v.isEmpty()) {
                v = parser.apply(text.toString());
            }
            if (v.isEmpty() && !alignedText.isEmpty() && next + 1 < page.lines().size()) {
                // A value wrapped over two lines in a narrow box ("15. April" / "2026").
                PageText.Line wrapped = page.lines().get(next + 1);
                if (wrapped.y() - below.y() < Math.max(4f, below.maxHeight()) * 1.6f) {
                    StringBuilder joined = new StringBuilder(alignedText);
                    for (PageText.Word w : alignedRun(wrapped, span[0], span[1])) {
                        joined.append(w.text()).append(' ');
                    }
                    v = parser.apply(joined.toString());
                }
            }
            if (v.isPresent()) {
                return isTableColumn(next, span, parser) ? Optional.empty() : v;
            }
        }
        return Optional.empty();
    }

    /** Whether a word sits under a label spanning [x0, x1]: left edges, right edges or centre aligned with it. */
    private static boolean aligned(PageText.Word w, float x0, float x1) {
        float slack = Math.max(3f, w.height() * 0.6f);
        float centre = (w.x() + w.xEnd()) / 2;
        return Math.abs(w.x() - x0) <= slack || Math.abs(w.xEnd() - x1) <= slack || centre >= x0 - slack && centre <= x1 + slack;
    }

    /**
     * The words under a label: the first word aligned with it and the words that follow it closely
     * (a value of several words, "24. 05. 2026", "14 de octubre de 2026").
     */
    private static List<PageText.Word> alignedRun(PageText.Line line, float x0, float x1) {
        List<PageText.Word> out = new ArrayList<>();
        for (PageText.Word w : line.words()) {
            if (out.isEmpty()) {
                if (aligned(w, x0, x1)) {
                    out.add(w);
                }
            } else {
                PageText.Word last = out.get(out.size() - 1);
                if (w.x() - last.xEnd() > Math.max(4f, w.height() * 0.9f)) {
                    break;
                }
                out.add(w);
            }
        }
        return out;
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

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int letters(String folded) {
        int n = 0;
        for (int i = 0; i < folded.length(); i++) {
            char ch = folded.charAt(i);
            n += ch >= 'a' && ch <= 'z' ? 1 : 0;
        }
        return n;
    }

    private static final Pattern SENDER_SEPARATOR = Pattern.compile("\\s+[·•|]\\s+|\\s+-\\s+(?=\\p{L})");

    private static boolean isFieldLabel(String folded) {
        for (List<Pattern> labels : List.of(Labels.NUMBER, Labels.DOCUMENT_DATE, Labels.DUE_DATE, Labels.PO, Labels.GENERIC_DATE)) {
            if (Labels.anyAt(Labels.union(labels), folded)) {
                return true;
            }
        }
        return Totals.role(folded) != Totals.Role.NONE && !LEGAL_FORM.matcher(folded).find();
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
                // A sender line "Name GmbH · Street 5, 12345 Town": the name is its first part.
                if (cell.maxHeight() * 2 - i * 0.8 + 12 <= best) {
                    continue; // cannot beat the best even with a legal form: skip the checks
                }
                String raw = SENDER_SEPARATOR.split(cell.text(), 2)[0].trim();
                String f = Text.fold(raw).trim();
                if (letters(f) <= 3 || f.length() > 60 || f.contains("@") || f.contains("www") || f.contains(":")
                        || f.chars().filter(Character::isDigit).count() > 4) {
                    continue;
                }
                double score = cell.maxHeight() * 2 - i * 0.8 + (LEGAL_FORM.matcher(f).find() ? 12 : 0);
                if (score <= best || DocumentTypes.isTitle(f) || Labels.BUYER.stream().anyMatch(p -> p.matcher(f).find())
                        || isFieldLabel(f)) {
                    continue;
                }
                {
                    best = score;
                    bestText = raw;
                }
            }
        }
        return bestText;
    }
}
