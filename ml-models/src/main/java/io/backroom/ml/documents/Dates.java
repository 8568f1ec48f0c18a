package io.backroom.ml.documents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates printed as ISO ({@code 2026-10-14}), numeric day-first or month-first
 * ({@code 14/10/2026}, {@code 10/14/2026}, {@code 14.10.2026}, {@code 14-10-26}) or with a month
 * name in English, French, German, Dutch or Spanish ({@code 14 October 2026}, {@code Oct 14, 2026},
 * {@code 14 oktober 2026}, {@code 14. Oktober 2026}, {@code 14 de octubre de 2026}).
 */
final class Dates {
    /** Whether ambiguous numeric dates put the day or the month first. */
    enum Order { DAY_FIRST, MONTH_FIRST }

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    /** Day, month and year with one separator kind, spaces allowed around it ("14.10.2026", "14. 10. 2026", "14 / 10 / 26"). */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.,/-])(\\d{1,2}) ?([./-]) ?(\\d{1,2}) ?\\2 ?(\\d{4}|\\d{2})(?![\\d]|[.,]\\d)");
    /** "14 October 2026", "14. Okt. 2026", "14-Oct-2026", "1er octobre 2026", "14th of October, 2026", "3 de octubre del 2026". */
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<![\\d.,])(\\d{1,2})(?:st|nd|rd|th|er|e|º|o)?\\s*[.\\-/]?\\s*(?:of\\s+|de\\s+)?([a-z]{3,10})\\.?\\s*[,\\-/.]?\\s*(?:de[l]?\\s+)?'?(\\d{4})\\b");
    /** "October 14, 2026", "Oct. 14 , 2026", "Oct 14,2026", "October 14th 2026". */
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "\\b([a-z]{3,10})\\.?\\s*[\\-/]?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*[,.]?\\s*(\\d{4})\\b");
    private static final Map<String, Integer> MONTHS = months();

    private Dates() {
    }

    /** A date found in text and whether its numeric form was ambiguous. */
    record Found(LocalDate date, boolean ambiguous, int a, int b, int year) {
    }

    /** Every date in the (folded) text, in order; ambiguous numeric dates resolved by {@code order}. */
    static List<Found> findAll(String folded, Order order) {
        List<int[]> spans = new ArrayList<>();
        List<Found> out = new ArrayList<>();
        Matcher iso = ISO.matcher(folded);
        while (iso.find()) {
            of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)))
                    .ifPresent(d -> {
                        out.add(new Found(d, false, 0, 0, d.getYear()));
                    });
            spans.add(new int[] {iso.start(), iso.end()});
        }
        Matcher num = NUMERIC.matcher(folded);
        while (num.find()) {
            if (overlaps(spans, num.start(), num.end())) {
                continue;
            }
            int a = Integer.parseInt(num.group(1));
            int b = Integer.parseInt(num.group(3));
            int year = year(num.group(4));
            boolean ambiguous = a <= 12 && b <= 12 && a != b;
            boolean dayFirst = a > 12 || (b <= 12 && order == Order.DAY_FIRST);
            if (b > 12) {
                dayFirst = false;
            }
            Optional<LocalDate> d = dayFirst ? of(year, b, a) : of(year, a, b);
            d.ifPresent(date -> out.add(new Found(date, ambiguous, a, b, year)));
            spans.add(new int[] {num.start(), num.end()});
        }
        Matcher dm = DAY_MONTH_NAME.matcher(folded);
        while (dm.find()) {
            Integer month = MONTHS.get(dm.group(2));
            if (month != null && !overlaps(spans, dm.start(), dm.end())) {
                of(Integer.parseInt(dm.group(3)), month, Integer.parseInt(dm.group(1))).ifPresent(d -> out.add(new Found(d, false, 0, 0, d.getYear())));
                spans.add(new int[] {dm.start(), dm.end()});
            }
        }
        Matcher md = MONTH_NAME_DAY.matcher(folded);
        while (md.find()) {
            Integer month = MONTHS.get(md.group(1));
            if (month != null && !overlaps(spans, md.start(), md.end())) {
                of(Integer.parseInt(md.group(3)), month, Integer.parseInt(md.group(2))).ifPresent(d -> out.add(new Found(d, false, 0, 0, d.getYear())));
            }
        }
        return out;
    }

    /**
     * The document's numeric date order: any numeric date with a first part above 12 proves
     * day-first, a second part above 12 proves month-first; otherwise the language's convention
     * (only US English writes month first).
     */
    static Order detectOrder(String folded, boolean usEnglish) {
        Matcher num = NUMERIC.matcher(folded);
        while (num.find()) {
            int a = Integer.parseInt(num.group(1));
            int b = Integer.parseInt(num.group(3));
            if (a > 12 && b <= 12) {
                return Order.DAY_FIRST;
            }
            if (b > 12 && a <= 12) {
                return Order.MONTH_FIRST;
            }
        }
        return usEnglish ? Order.MONTH_FIRST : Order.DAY_FIRST;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && end > s[0]) {
                return true;
            }
        }
        return false;
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        if (year < 1990 || year > 2100) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"january", "jan", "janvier", "janv", "januar", "januari", "enero", "ene", "janner", "jaen", "gennaio", "gen"},
            {"february", "feb", "febr", "fevrier", "fevr", "fev", "februar", "februari", "febrero", "febbraio"},
            {"march", "mar", "mars", "marz", "maerz", "maart", "marzo", "mrt", "mrz"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
            {"may", "mai", "mei", "mayo", "maggio", "mag"},
            {"june", "jun", "juin", "juni", "junio", "giugno", "giu"},
            {"july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug"},
            {"august", "aug", "aout", "augustus", "agosto", "ago"},
            {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set"},
            {"october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott"},
            {"november", "nov", "novembre", "noviembre"},
            {"december", "dec", "decembre", "dezember", "dez", "diciembre", "dic", "dicembre"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
