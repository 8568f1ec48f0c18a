package io.backroom.ml.documents;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation used for matching labels: lower case, accents removed, typographic marks unified. */
final class Text {
    private Text() {
    }

    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.replace('\u00BA', 'o').replace('\u00B0', 'o').replace('\u2019', '\'').replace('\u00A0', ' ')
                .replace('ß', 's').toLowerCase(Locale.ROOT);
    }
}
