package io.backroom.ml.documents;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts positioned words from the first pages of a PDF. PDFBox only supplies the glyphs and their
 * positions; words are made here from the geometry alone: glyphs on one baseline are joined into a
 * word while the gap between them stays near the line's usual inter-glyph gap, whatever blank
 * characters the producer emitted or left out (office suites position each glyph for kerning and
 * some put blank glyphs inside words, others print spaces as pure displacements).
 */
final class PdfWords extends PDFTextStripper {
    private static final float PAGE_GAP = 20f;
    /** A gap this much wider (in em) than the line's usual glyph gap separates two words. */
    private static final float WORD_GAP_EM = 0.15f;
    /** Same, where the producer also put a blank glyph in the gap. */
    private static final float WORD_GAP_WITH_BLANK_EM = 0.09f;

    /** One glyph: its text, left edge, right edge, baseline, em size and height; blank glyphs are kept as flags. */
    private record Glyph(String text, float x, float xEnd, float y, float em, float height, boolean blank, int dir) {
    }

    private final List<Glyph> glyphs = new ArrayList<>();
    private float pageOffset;
    private float lastEm;

    private PdfWords() {
    }

    static PageText extract(PDDocument document, int maxPages) throws IOException {
        PdfWords stripper = new PdfWords();
        stripper.setStartPage(1);
        stripper.setEndPage(Math.min(maxPages, document.getNumberOfPages()));
        stripper.writeText(document, Writer.nullWriter());
        return PageText.of(stripper.words());
    }

    /** Collects the glyph; PDFBox's own grouping into lines and words is skipped (see {@link #writePage()}). */
    @Override
    protected void processTextPosition(TextPosition tp) {
        String unicode = tp.getUnicode();
        if (unicode == null || unicode.isEmpty()) {
            return;
        }
        float x = tp.getXDirAdj();
        float y = tp.getYDirAdj() + pageOffset;
        float width = Math.max(0f, tp.getWidthDirAdj());
        float em = emSize(tp, width);
        boolean blank = unicode.isBlank();
        // Fake bold: the same glyph printed again at (almost) the same place.
        for (int i = glyphs.size() - 1; i >= Math.max(0, glyphs.size() - 4); i--) {
            Glyph g = glyphs.get(i);
            if (g.text().equals(unicode) && Math.abs(g.x() - x) < Math.max(0.3f, width * 0.3f) && Math.abs(g.y() - y) < 0.5f) {
                return;
            }
        }
        glyphs.add(new Glyph(unicode, x, x + width, y, em, em * 0.7f, blank, Math.round(tp.getDir())));
    }

    /**
     * The glyph's em size on the page: its printed width over its width in the font (producers scale
     * text by the font size, the text matrix or the page matrix, so the font size alone is not it).
     */
    private float emSize(TextPosition tp, float width) {
        float em = 0;
        int[] codes = tp.getCharacterCodes();
        if (codes != null && codes.length == 1 && width > 0) {
            try {
                float glyphWidth = tp.getFont().getWidth(codes[0]);
                if (glyphWidth > 50) {
                    em = width / (glyphWidth / 1000f);
                }
            } catch (IOException | RuntimeException e) {
                em = 0;
            }
        }
        if (!(em > 1f) || em > 300) {
            em = lastEm > 0 ? lastEm : Math.max(4f, Math.max(tp.getFontSizeInPt(), tp.getHeightDir() * 1.4f));
        }
        lastEm = em;
        return em;
    }

    @Override
    protected void writePage() {
        // Words are built from the collected glyphs in words(); nothing is written per page.
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        pageOffset += page.getMediaBox().getHeight() + PAGE_GAP;
        super.endPage(page);
    }

    /** Glyphs grouped into baselines, then into words by the gaps between them. */
    private List<PageText.Word> words() {
        int[] perDir = new int[4];
        for (Glyph g : glyphs) {
            perDir[Math.floorMod(g.dir() / 90, 4)]++;
        }
        int dir = 0;
        for (int d = 1; d < 4; d++) {
            dir = perDir[d] > perDir[dir] ? d : dir;
        }
        List<Glyph> sorted = new ArrayList<>(glyphs.size());
        for (Glyph g : glyphs) {
            if (Math.floorMod(g.dir() / 90, 4) == dir) {
                sorted.add(g);
            }
        }
        sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<PageText.Word> out = new ArrayList<>();
        int start = 0;
        while (start < sorted.size()) {
            Glyph first = sorted.get(start);
            float tolerance = Math.max(1.5f, first.em() * 0.3f);
            int end = start + 1;
            while (end < sorted.size() && sorted.get(end).y() - first.y() <= tolerance) {
                end++;
            }
            List<Glyph> line = new ArrayList<>(sorted.subList(start, end));
            line.sort(Comparator.comparingDouble(Glyph::x));
            splitWords(line, out);
            start = end;
        }
        return out;
    }

    /** Splits one baseline's glyphs (left to right) into words. */
    private static void splitWords(List<Glyph> line, List<PageText.Word> out) {
        float usual = usualGap(line);
        StringBuilder text = new StringBuilder();
        Glyph firstOfWord = null;
        Glyph previous = null;
        boolean blankSeen = false;
        float height = 0;
        float y = 0;
        for (Glyph g : line) {
            if (g.blank()) {
                blankSeen = previous != null;
                continue;
            }
            if (previous != null) {
                float em = Math.max(g.em(), previous.em());
                float gap = (g.x() - previous.xEnd()) / em - usual;
                boolean classChange = Character.isDigit(g.text().charAt(0)) != Character.isDigit(previous.text().charAt(0))
                        && Character.isLetterOrDigit(g.text().charAt(0)) && Character.isLetterOrDigit(previous.text().charAt(0));
                boolean split = gap > (blankSeen || classChange ? WORD_GAP_WITH_BLANK_EM : WORD_GAP_EM) || g.x() < previous.x() - 0.1f * em
                        || Math.abs(g.em() - previous.em()) > 0.35f * em && gap > 0.05f;
                if (split) {
                    out.add(word(text, firstOfWord, previous, y, height));
                    text.setLength(0);
                    firstOfWord = null;
                }
            }
            if (firstOfWord == null) {
                firstOfWord = g;
                y = g.y();
                height = 0;
            }
            text.append(g.text());
            height = Math.max(height, g.height());
            previous = g;
            blankSeen = false;
        }
        if (firstOfWord != null) {
            out.add(word(text, firstOfWord, previous, y, height));
        }
    }

    /**
     * The line's usual gap between neighbouring glyphs, in em: the median of the small gaps. Zero for
     * plain text, positive for letter-spaced text, slightly negative for tight kerning.
     */
    private static float usualGap(List<Glyph> line) {
        float[] gaps = new float[line.size()];
        int n = 0;
        Glyph previous = null;
        for (Glyph g : line) {
            if (g.blank()) {
                previous = null;
                continue;
            }
            if (previous != null) {
                float gap = (g.x() - previous.xEnd()) / Math.max(g.em(), previous.em());
                if (gap > -0.2f && gap < 0.2f) {
                    gaps[n++] = gap;
                }
            }
            previous = g;
        }
        if (n < 3) {
            return 0;
        }
        Arrays.sort(gaps, 0, n);
        return Math.max(-0.05f, Math.min(0.12f, gaps[n / 2]));
    }

    private static PageText.Word word(StringBuilder text, Glyph first, Glyph last, float y, float height) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return new PageText.Word(s, first.x(), last.xEnd(), y, height);
    }
}
