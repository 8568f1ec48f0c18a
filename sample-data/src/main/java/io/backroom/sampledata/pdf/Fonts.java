package io.backroom.sampledata.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType fonts committed with this module (Liberation: SIL OFL 1.1; DejaVu: Bitstream Vera licence; see the
 * LICENSE files beside them). Parsed once per instance; each document embeds the subset it uses. Not thread-safe.
 */
final class Fonts implements AutoCloseable {
    /** The fonts available to layouts. */
    enum Face {
        SANS("LiberationSans-Regular.ttf"),
        SANS_BOLD("LiberationSans-Bold.ttf"),
        SERIF("LiberationSerif-Regular.ttf"),
        SERIF_BOLD("LiberationSerif-Bold.ttf"),
        MONO("LiberationMono-Regular.ttf"),
        CONDENSED("DejaVuSansCondensed.ttf"),
        CONDENSED_BOLD("DejaVuSansCondensed-Bold.ttf");

        final String file;

        Face(String file) {
            this.file = file;
        }
    }

    private static final String ROOT = "/io/backroom/sampledata/fonts/";
    private final Map<Face, TrueTypeFont> parsed = new EnumMap<>(Face.class);

    private TrueTypeFont font(Face face) {
        return parsed.computeIfAbsent(face, f -> {
            try (InputStream in = Fonts.class.getResourceAsStream(ROOT + f.file)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + f.file + " missing from the class path");
                }
                return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot parse font " + f.file, e);
            }
        });
    }

    /** Loads {@code face} into {@code doc}, embedding a subset. */
    PDType0Font load(PDDocument doc, Face face) {
        try {
            return PDType0Font.load(doc, font(face), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot embed font " + face.file, e);
        }
    }

    @Override
    public void close() {
        for (TrueTypeFont f : parsed.values()) {
            try {
                f.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close font", e);
            }
        }
        parsed.clear();
    }
}
