package io.backroom.sampledata.pdf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Date formatting from fixed tables, so that output never depends on the JDK's locale data. Patterns use
 * {@code dd}, {@code d}, {@code MM}, {@code MMM} (short month), {@code MMMM} (long month) and {@code yyyy}.
 */
final class Dates {
    private static final Map<String, List<String>> LONG = Map.of(
            "en", List.of("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"),
            "fr", List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                    "octobre", "novembre", "décembre"),
            "de", List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                    "Oktober", "November", "Dezember"),
            "nl", List.of("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                    "oktober", "november", "december"),
            "es", List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                    "octubre", "noviembre", "diciembre"));

    private Dates() {
    }

    static String format(LocalDate date, String pattern, String language) {
        List<String> months = LONG.getOrDefault(language, LONG.get("en"));
        String month = months.get(date.getMonthValue() - 1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.charAt(i) == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                out.append(pattern, i + 1, end);
                i = end + 1;
            } else if (pattern.startsWith("yyyy", i)) {
                out.append(date.getYear());
                i += 4;
            } else if (pattern.startsWith("MMMM", i)) {
                out.append(month);
                i += 4;
            } else if (pattern.startsWith("MMM", i)) {
                out.append(month, 0, 3);
                i += 3;
            } else if (pattern.startsWith("MM", i)) {
                out.append(String.format(java.util.Locale.ROOT, "%02d", date.getMonthValue()));
                i += 2;
            } else if (pattern.startsWith("dd", i)) {
                out.append(String.format(java.util.Locale.ROOT, "%02d", date.getDayOfMonth()));
                i += 2;
            } else if (pattern.charAt(i) == 'd') {
                out.append(date.getDayOfMonth());
                i += 1;
            } else {
                out.append(pattern.charAt(i));
                i += 1;
            }
        }
        return out.toString();
    }
}
