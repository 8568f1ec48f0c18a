package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.Supplier;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** A simple vector logo per supplier: a shape in a supplier-specific colour with its initials. */
final class Logos {
    private Logos() {
    }

    static void draw(Canvas c, PDFont font, Supplier s, float x, float y, float size, int fallback) {
        int hash = Math.floorMod(s.id().hashCode() * 2654435 + 11, 1 << 24);
        int rgb = (hash & 0x7F7F7F) | 0x202020;
        String initials = initials(s.name());
        switch (Math.floorMod(hash, 3)) {
            case 0 -> c.circle(x + size / 2, y + size / 2, size / 2, rgb);
            case 1 -> c.fill(x, y, size, size, rgb);
            default -> c.triangle(x, y, size, rgb);
        }
        float fs = size * 0.34f;
        c.center(font, fs, x + size / 2, y + size * (Math.floorMod(hash, 3) == 2 ? 0.22f : 0.36f), initials, 0xFFFFFF);
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split(" ")) {
            if (!part.isEmpty() && Character.isLetter(part.charAt(0)) && sb.length() < 2) {
                sb.append(part.charAt(0));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
