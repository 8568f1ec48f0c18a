package io.backroom.ml.documents;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Extracts positioned words from the first pages of a PDF with PDFBox. */
final class PdfWords extends PDFTextStripper {
    private static final float PAGE_GAP = 20f;
    private final List<PageText.Word> words = new ArrayList<>();
    private float pageOffset;

    private PdfWords() {
        setSortByPosition(true);
    }

    static PageText extract(PDDocument document, int maxPages) throws IOException {
        PdfWords stripper = new PdfWords();
        int pages = Math.min(maxPages, document.getNumberOfPages());
        for (int p = 1; p <= pages; p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            stripper.writeText(document, new StringWriter());
            stripper.pageOffset += document.getPage(p - 1).getMediaBox().getHeight() + PAGE_GAP;
        }
        return PageText.of(stripper.words);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        StringBuilder current = new StringBuilder();
        float x = 0;
        float xEnd = 0;
        float y = 0;
        float height = 0;
        TextPosition previous = null;
        for (TextPosition tp : positions) {
            String unicode = tp.getUnicode();
            boolean gap = previous != null
                    && tp.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj()) > Math.max(1.5f, tp.getWidthOfSpace() * 0.6f);
            if (unicode == null || unicode.isBlank() || gap) {
                flush(current, x, xEnd, y, height);
                current.setLength(0);
                if (unicode == null || unicode.isBlank()) {
                    previous = tp;
                    continue;
                }
            }
            if (current.length() == 0) {
                x = tp.getXDirAdj();
                y = tp.getYDirAdj() + pageOffset;
                height = tp.getHeightDir();
            }
            current.append(unicode);
            xEnd = tp.getXDirAdj() + tp.getWidthDirAdj();
            height = Math.max(height, tp.getHeightDir());
            previous = tp;
        }
        flush(current, x, xEnd, y, height);
    }

    private void flush(StringBuilder current, float x, float xEnd, float y, float height) {
        if (current.length() > 0) {
            String text = java.text.Normalizer.normalize(current, java.text.Normalizer.Form.NFKC);
            words.add(new PageText.Word(text, x, xEnd, y, height));
        }
    }
}
