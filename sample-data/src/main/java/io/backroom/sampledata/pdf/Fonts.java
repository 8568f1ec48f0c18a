package io.backroom.sampledata.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
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
                TrueTypeFont full = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                return latinSubset(full);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot parse font " + f.file, e);
            }
        });
    }

    /**
     * The font cut down to the characters documents use (Latin-1, Latin Extended-A, general punctuation,
     * currency signs): PDFBox copies and re-parses the whole font for every document it embeds it in, so a
     * 400-glyph font instead of a 6 000-glyph one makes rendering several times faster.
     */
    private static TrueTypeFont latinSubset(TrueTypeFont full) throws IOException {
        try (full) {
            TTFSubsetter subsetter = new TTFSubsetter(full, List.of("head", "hhea", "loca", "maxp", "cmap", "cvt ", "prep",
                    "glyf", "hmtx", "fpgm", "gasp", "OS/2", "post", "name"));
            for (int[] range : KEPT_RANGES) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    subsetter.add(cp);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return new TTFParser().parse(new RandomAccessReadBuffer(out.toByteArray()));
        }
    }

    private static final int[][] KEPT_RANGES = {{0x20, 0x7E}, {0xA0, 0x17F}, {0x2010, 0x203A}, {0x20A0, 0x20BF},
        {0x2116, 0x2116}, {0x2122, 0x2122}};

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
