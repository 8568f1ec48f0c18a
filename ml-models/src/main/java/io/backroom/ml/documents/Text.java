package io.backroom.ml.documents;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation used for matching labels: lower case, accents removed, typographic marks unified. */
final class Text {
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    private Text() {
    }

    static String fold(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            plain = s.charAt(i) < 0x80;
        }
        if (plain) {
            return s.toLowerCase(Locale.ROOT);
        }
        String n = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return n.replace('\u00BA', 'o').replace('\u00B0', 'o').replace('\u2019', '\'').replace('\u00A0', ' ')
                .replace('ß', 's').toLowerCase(Locale.ROOT);
    }
}
